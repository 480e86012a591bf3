# Idiom seen in: tunggithub/Hands-On-Computer-Vision-with-TensorFlow-2 yolo/model.py
# What it reproduces: the eager custom loop of the TF2 YOLOv3 idiom (regularization_loss =
#   tf.reduce_sum(model.losses), total_loss = pred + reg). Realistic mistake when mixed precision is
#   switched on: the LossScaleOptimizer scales the prediction loss only, and total_loss is just logged.
from absl import app, flags, logging
from absl.flags import FLAGS
import tensorflow as tf

from model import YoloV3, YoloLoss, yolo_anchors, yolo_anchor_masks
import dataset

flags.DEFINE_string('dataset', './data/voc2012_train.tfrecord', 'path to dataset')
flags.DEFINE_integer('size', 416, 'image size')
flags.DEFINE_integer('epochs', 2, 'number of epochs')
flags.DEFINE_integer('batch_size', 8, 'batch size')
flags.DEFINE_float('learning_rate', 1e-3, 'learning rate')
flags.DEFINE_integer('num_classes', 80, 'number of classes in the model')


def main(_argv):
    tf.keras.mixed_precision.set_global_policy('mixed_float16')
    model = YoloV3(FLAGS.size, classes=FLAGS.num_classes)
    anchors = yolo_anchors
    anchor_masks = yolo_anchor_masks

    train_dataset = dataset.load_tfrecord_dataset(FLAGS.dataset, FLAGS.size)
    train_dataset = train_dataset.shuffle(buffer_size=512).batch(FLAGS.batch_size)
    train_dataset = train_dataset.map(lambda x, y: (
        dataset.transform_images(x, FLAGS.size),
        dataset.transform_targets(y, anchors, anchor_masks, FLAGS.size)))

    optimizer = tf.keras.mixed_precision.LossScaleOptimizer(tf.keras.optimizers.Adam(lr=FLAGS.learning_rate))
    loss = [YoloLoss(anchors[mask], classes=FLAGS.num_classes) for mask in anchor_masks]
    avg_loss = tf.keras.metrics.Mean('loss', dtype=tf.float32)

    for epoch in range(1, FLAGS.epochs + 1):
        for batch, (images, labels) in enumerate(train_dataset):
            with tf.GradientTape() as tape:
                outputs = model(images, training=True)
                regularization_loss = tf.reduce_sum(model.losses)  # expect: WD105
                pred_loss = []
                for output, label, loss_fn in zip(outputs, labels, loss):
                    pred_loss.append(loss_fn(label, output))
                total_loss = tf.reduce_sum(pred_loss) + regularization_loss
                scaled_loss = optimizer.get_scaled_loss(tf.reduce_sum(pred_loss))
            scaled_grads = tape.gradient(scaled_loss, model.trainable_variables)
            grads = optimizer.get_unscaled_gradients(scaled_grads)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))

            logging.info("{}_train_{}, {}, {}".format(
                epoch, batch, total_loss.numpy(), list(map(lambda x: float(tf.reduce_sum(x)), pred_loss))))
            avg_loss.update_state(total_loss)
        logging.info("{}, train: {}".format(epoch, avg_loss.result().numpy()))
        avg_loss.reset_states()
        model.save_weights('checkpoints/yolov3_train_{}.tf'.format(epoch))


if __name__ == '__main__':
    try:
        app.run(main)
    except SystemExit:
        pass
