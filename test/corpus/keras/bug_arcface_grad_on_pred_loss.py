# Idiom seen in: peteryuX/arcface-tf2 train.py
# What it reproduces: the eager_tf training loop sums model.losses into reg_loss and builds
#   total_loss = pred_loss + reg_loss, but the refactored step differentiates losses['pred'];
#   total_loss only reaches the logs, so the backbone's kernel_regularizer terms never reach the optimizer.
# label-note: WD105 on the line that sums model.losses; the model (and its regularizers) come from
#   modules.models, which is not part of this program.
from absl import app, flags, logging
import tensorflow as tf

from modules.models import ArcFaceModel
from modules.losses import SoftmaxLoss
from modules.utils import set_memory_growth, load_yaml, get_ckpt_inf
import modules.dataset as dataset

flags.DEFINE_string('cfg_path', './configs/arc_res50.yaml', 'config file path')
FLAGS = flags.FLAGS


def compute_losses(model, loss_fn, inputs, labels):
    logits = model(inputs, training=True)
    reg_loss = tf.reduce_sum(model.losses)  # expect: WD105
    pred_loss = loss_fn(labels, logits)
    return {'pred': pred_loss, 'reg': reg_loss, 'total': pred_loss + reg_loss}


def main(_):
    set_memory_growth()
    cfg = load_yaml(FLAGS.cfg_path)

    model = ArcFaceModel(size=cfg['input_size'], backbone_type=cfg['backbone_type'],
                         num_classes=cfg['num_classes'], head_type=cfg['head_type'],
                         embd_shape=cfg['embd_shape'], w_decay=cfg['w_decay'], training=True)
    train_dataset = dataset.load_tfrecord_dataset(cfg['train_dataset'], cfg['batch_size'],
                                                  binary_img=cfg['binary_img'])
    optimizer = tf.keras.optimizers.SGD(learning_rate=cfg['base_lr'], momentum=0.9, nesterov=True)
    loss_fn = SoftmaxLoss()

    steps = 1
    summary_writer = tf.summary.create_file_writer('./logs/' + cfg['sub_name'])
    for epoch in range(1, cfg['epochs'] + 1):
        for inputs, labels in train_dataset:
            with tf.GradientTape() as tape:
                losses = compute_losses(model, loss_fn, inputs, labels)

            grads = tape.gradient(losses['pred'], model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))

            if steps % 100 == 0:
                logging.info('epoch %d step %d loss=%.3f reg=%.3f', epoch, steps,
                             losses['total'].numpy(), losses['reg'].numpy())
                with summary_writer.as_default():
                    tf.summary.scalar('loss/total_loss', losses['total'], step=steps)
                    tf.summary.scalar('loss/reg_loss', losses['reg'], step=steps)
            steps += 1
        model.save_weights('checkpoints/{}/e_{}.ckpt'.format(cfg['sub_name'], epoch))


if __name__ == '__main__':
    app.run(main)
