# Idiom seen in: devbruce/yolov1-tf2 libs/models.py
# Idiom seen in: devbruce/yolov1-tf2 libs/losses.py
# Idiom seen in: devbruce/yolov1-tf2 voc_scripts/train_voc.py
# What it reproduces: YOLOv1 on an Xception backbone with an l2(5e-4) detection head (paper decay), a
#   train_step helper under mixed_float16 that adds tf.add_n(model.losses) to the YOLO loss before
#   optimizer.get_scaled_loss and unscales the gradients, run from absl main: clean.
import tensorflow as tf
from absl import app, flags

from configs import cfg, ProjectPath
from datasets.voc_tfds.voc import GetVoc
from datasets.voc_tfds.libs import prep_voc_data
from losses import train_step
from models import YOLO, get_xception_backbone

FLAGS = flags.FLAGS
flags.DEFINE_integer('epochs', default=135, help='Number of training epochs')
flags.DEFINE_float('init_lr', default=1e-4, help='Initial learning rate')
flags.DEFINE_integer('batch_size', default=16, help='Batch size')
flags.DEFINE_boolean('mixed_precision', default=True, help='Use mixed_float16')


def main(_argv):
    if FLAGS.mixed_precision:
        tf.keras.mixed_precision.set_global_policy('mixed_float16')
    voc = GetVoc(batch_size=FLAGS.batch_size)
    backbone = get_xception_backbone(cfg.input_height, cfg.input_width, freeze=False)
    yolo = YOLO(backbone=backbone, cfg=cfg)
    lr_schedule = tf.keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=FLAGS.init_lr, decay_steps=10000, decay_rate=0.5, staircase=True)
    optimizer = tf.keras.mixed_precision.LossScaleOptimizer(tf.keras.optimizers.Adam(lr_schedule))
    ckpt = tf.train.Checkpoint(step=tf.Variable(0), model=yolo)
    manager = tf.train.CheckpointManager(ckpt, directory=ProjectPath.VOC_CKPTS_DIR.value, max_to_keep=5)

    for epoch in range(1, FLAGS.epochs + 1):
        train_ds = voc.get_train_ds(shuffle=True, drop_remainder=True)
        for step, batch_data in enumerate(train_ds, 1):
            batch_imgs, batch_labels = prep_voc_data(batch_data, input_height=cfg.input_height,
                                                     input_width=cfg.input_width, val=False)
            losses = train_step(yolo, optimizer, batch_imgs, batch_labels, cfg)
            if step % 100 == 0:
                print('epoch {} step {}: total {:.4f} reg {:.4f}'.format(
                    epoch, step, float(losses['total_loss']), float(losses['reg_loss'])))
        manager.save()


if __name__ == '__main__':
    app.run(main)
