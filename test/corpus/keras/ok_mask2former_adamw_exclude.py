# Idiom seen in: syrax90/mask2former_tensorflow2 train.py
# What it reproduces: Mask2Former trained with tf.keras.optimizers.AdamW(weight_decay=0.05) in a GradientTape
# loop, with one exclude_from_weight_decay call naming biases, norm gammas/betas and query embeddings, and a
# loss without any extra L2 term (clean).
import tensorflow as tf

from config import cfg
from model_functions import build_mask2former
from loss import compute_multiscale_loss
from coco_dataset_optimized import create_coco_tfrecord_dataset

NO_DECAY_NAMES = ['bias', 'gamma', 'beta', 'layer_norm', 'query_embed', 'level_embed']


def build_optimizer(total_steps):
    schedule = tf.keras.optimizers.schedules.CosineDecay(
        initial_learning_rate=1e-4, decay_steps=total_steps, warmup_target=None)
    optimizer = tf.keras.optimizers.AdamW(learning_rate=schedule, weight_decay=0.05, clipnorm=0.01)
    optimizer.exclude_from_weight_decay(var_names=NO_DECAY_NAMES)
    return optimizer


@tf.function
def train_step(model, optimizer, images, cate_target, mask_target):
    with tf.GradientTape() as tape:
        pred_logits, pred_masks, aux_outputs = model(images, training=True)
        total_loss, cate_loss, dice_loss, mask_loss = compute_multiscale_loss(
            pred_logits, pred_masks, cate_target, mask_target,
            aux_outputs=aux_outputs, num_classes=cfg.num_classes)
    grads = tape.gradient(total_loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return total_loss


def main():
    h, w = cfg.image_size
    model = build_mask2former(input_shape=(h, w, 3), num_classes=cfg.num_classes)
    ds = create_coco_tfrecord_dataset(train_tfrecord_directory=cfg.tfrecord_dataset_directory_path,
                                      target_size=(h, w), batch_size=cfg.batch_size)
    optimizer = build_optimizer(total_steps=cfg.epochs * cfg.steps_per_epoch)
    for epoch in range(1, cfg.epochs + 1):
        for step, (images, cate_target, mask_target) in enumerate(ds):
            loss = train_step(model, optimizer, images, cate_target, mask_target)
            if step % 100 == 0:
                tf.print('epoch', epoch, 'step', step, 'loss', loss)


if __name__ == '__main__':
    main()
