# Idiom seen in: syrax90/mask2former_tensorflow2 train.py
# What it reproduces: Mask2Former trained in a GradientTape loop with tf.keras.optimizers.AdamW(weight_decay=0.05)
# behind a warmup schedule and no exclude_from_weight_decay call: the decoupled decay also hits every bias,
# LayerNorm/BatchNorm gamma and beta and the query embeddings.
import tensorflow as tf

from config import cfg
from model_functions import build_mask2former
from loss import compute_multiscale_loss
from coco_dataset_optimized import create_coco_tfrecord_dataset


def train_step(model, images, cate_target, mask_target, optimizer, num_classes):
    with tf.GradientTape() as tape:
        pred_logits, pred_masks, aux_outputs = model(images, training=True)
        total_loss, cate_loss, dice_loss, mask_loss = compute_multiscale_loss(
            pred_logits, pred_masks, cate_target, mask_target,
            aux_outputs=aux_outputs, num_classes=num_classes)
    grads = tape.gradient(total_loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return total_loss, cate_loss, dice_loss, mask_loss


def train_one_epoch(model, dataset, optimizer, num_classes):
    for step, (images, cate_target, mask_target) in enumerate(dataset):
        total_loss, cate_loss, dice_loss, mask_loss = train_step(
            model, images, cate_target, mask_target, optimizer, num_classes)
        if step % 100 == 0:
            tf.print('step', step, 'total', total_loss, 'cate', cate_loss, 'dice', dice_loss, 'mask', mask_loss)


class WarmUp(tf.keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, warmup_steps, target_lr, decay_schedule):
        super().__init__()
        self.warmup_steps = warmup_steps
        self.target_lr = target_lr
        self.decay_schedule = decay_schedule

    def __call__(self, step):
        return tf.cond(
            step < self.warmup_steps,
            lambda: self.target_lr * (tf.cast(step, tf.float32) / tf.cast(self.warmup_steps, tf.float32)),
            lambda: self.decay_schedule(step - self.warmup_steps))


def main():
    img_height, img_width = cfg.image_size
    num_classes = cfg.num_classes
    model = build_mask2former(input_shape=(img_height, img_width, 3), num_classes=num_classes)
    lr_schedule = tf.keras.optimizers.schedules.PiecewiseConstantDecay([60000, 80000], [1e-4, 1e-5, 1e-6])
    learning_rate = WarmUp(1500, 1e-4, lr_schedule)
    optimizer = tf.keras.optimizers.AdamW(learning_rate=learning_rate, weight_decay=0.05)  # expect: WD203
    ds = create_coco_tfrecord_dataset(train_tfrecord_directory=cfg.tfrecord_dataset_directory_path,
                                      target_size=(img_height, img_width), batch_size=cfg.batch_size)
    for epoch in range(1, cfg.epochs + 1):
        print(f"Starting epoch {epoch}:")
        train_one_epoch(model, ds, optimizer, num_classes)


if __name__ == '__main__':
    main()
