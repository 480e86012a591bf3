# Idiom seen in: zzh8829/yolov3-tf2 train.py
# What it reproduces: absl flags with --mode fit|eager_tf; the eager loop adds
# tf.reduce_sum(model.losses) to the summed YOLO losses before tape.gradient, the other modes use
# compile+fit. `loss` is a list of loss functions and `loss_fn` the loop name, as in the original.
# label-note: the validation loop also sums model.losses, only to log total_loss; that is a metric,
# not a lost decay term (the training loss minimizes the same sum), so nothing is expected there.
import numpy as np
import tensorflow as tf
from absl import app, flags, logging
from absl.flags import FLAGS

import yolov3_tf2.dataset as dataset
from yolov3_tf2.models import YoloLoss, YoloV3, yolo_anchor_masks, yolo_anchors

flags.DEFINE_string('dataset', '', 'path to dataset')
flags.DEFINE_string('val_dataset', '', 'path to validation dataset')
flags.DEFINE_string('classes', './data/coco.names', 'path to classes file')
flags.DEFINE_enum('mode', 'fit', ['fit', 'eager_fit', 'eager_tf'], 'fit or custom GradientTape')
flags.DEFINE_integer('size', 416, 'image size')
flags.DEFINE_integer('epochs', 2, 'number of epochs')
flags.DEFINE_integer('batch_size', 8, 'batch size')
flags.DEFINE_float('learning_rate', 1e-3, 'learning rate')
flags.DEFINE_integer('num_classes', 80, 'number of classes in the model')


def main(_argv):
    model = YoloV3(FLAGS.size, training=True, classes=FLAGS.num_classes)
    anchors, anchor_masks = yolo_anchors, yolo_anchor_masks

    train_dataset = dataset.load_tfrecord_dataset(FLAGS.dataset, FLAGS.classes, FLAGS.size)
    train_dataset = train_dataset.shuffle(buffer_size=512).batch(FLAGS.batch_size)
    train_dataset = train_dataset.map(lambda x, y: (
        dataset.transform_images(x, FLAGS.size),
        dataset.transform_targets(y, anchors, anchor_masks, FLAGS.size)))
    val_dataset = dataset.load_tfrecord_dataset(FLAGS.val_dataset, FLAGS.classes, FLAGS.size)
    val_dataset = val_dataset.batch(FLAGS.batch_size).map(lambda x, y: (
        dataset.transform_images(x, FLAGS.size),
        dataset.transform_targets(y, anchors, anchor_masks, FLAGS.size)))

    optimizer = tf.keras.optimizers.Adam(learning_rate=FLAGS.learning_rate)
    loss = [YoloLoss(anchors[mask], classes=FLAGS.num_classes) for mask in anchor_masks]

    if FLAGS.mode == 'eager_tf':
        avg_loss = tf.keras.metrics.Mean('loss', dtype=tf.float32)
        for epoch in range(1, FLAGS.epochs + 1):
            for batch, (images, labels) in enumerate(train_dataset):
                with tf.GradientTape() as tape:
                    outputs = model(images, training=True)
                    regularization_loss = tf.reduce_sum(model.losses)
                    pred_loss = []
                    for output, label, loss_fn in zip(outputs, labels, loss):
                        pred_loss.append(loss_fn(label, output))
                    total_loss = tf.reduce_sum(pred_loss) + regularization_loss
                grads = tape.gradient(total_loss, model.trainable_variables)
                optimizer.apply_gradients(zip(grads, model.trainable_variables))
                avg_loss.update_state(total_loss)

            for batch, (images, labels) in enumerate(val_dataset):
                outputs = model(images)
                regularization_loss = tf.reduce_sum(model.losses)
                pred_loss = [loss_fn(label, output) for output, label, loss_fn in zip(outputs, labels, loss)]
                total_loss = tf.reduce_sum(pred_loss) + regularization_loss
                logging.info("{}_val_{}, {}".format(epoch, batch, np.sum(total_loss.numpy())))
            avg_loss.reset_states()
            model.save_weights('checkpoints/yolov3_train_{}.tf'.format(epoch))
    else:
        model.compile(optimizer=optimizer, loss=loss, run_eagerly=(FLAGS.mode == 'eager_fit'))
        model.fit(train_dataset, epochs=FLAGS.epochs, validation_data=val_dataset,
                  callbacks=[tf.keras.callbacks.ReduceLROnPlateau(verbose=1)])


if __name__ == '__main__':
    try:
        app.run(main)
    except SystemExit:
        pass
