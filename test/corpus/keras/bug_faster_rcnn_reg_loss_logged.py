# Idiom seen in: QiuSYang/deep-learning-study tensorflow2_faster_rcnn/train.py
# What it reproduces: the TF2 Faster R-CNN custom loop whose model returns its four RPN/RCNN losses; this user variant
#   built the backbone with L2 kernel regularizers and sums model.losses into total_loss, but only for the printed
#   log: tape.gradient still differentiates the detection loss alone, so the decay is never trained (WD105).
import numpy as np
import tensorflow as tf

from detectron.datasets import coco, data_generator
from detectron.models.detectors import faster_rcnn


def train(model, datasets_generator, batch_size, epochs):
    train_tf_dataset = tf.data.Dataset.from_generator(datasets_generator,
                                                      (tf.float32, tf.float32, tf.float32, tf.int32))
    train_tf_dataset = train_tf_dataset.padded_batch(
        batch_size, padded_shapes=([None, None, None], [None], [None, None], [None]))
    train_tf_dataset = train_tf_dataset.prefetch(100).shuffle(100)

    optimizer = tf.keras.optimizers.SGD(1e-3, momentum=0.9, nesterov=True)

    for epoch in range(epochs):
        loss_history = []
        for (batch, inputs) in enumerate(train_tf_dataset):
            batch_imgs, batch_metas, batch_bboxes, batch_labels = inputs
            with tf.GradientTape() as tape:
                rpn_class_loss, rpn_bbox_loss, rcnn_class_loss, rcnn_bbox_loss = \
                    model((batch_imgs, batch_metas, batch_bboxes, batch_labels), training=True)
                loss_value = rpn_class_loss + rpn_bbox_loss + rcnn_class_loss + rcnn_bbox_loss
                reg_loss = tf.add_n(model.losses)  # expect: WD105
                total_loss = loss_value + reg_loss

            grads = tape.gradient(loss_value, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))

            loss_history.append(total_loss.numpy())
            if batch % 100 == 0:
                print('epoch:', epoch, ', batch:', batch, ', loss:', np.mean(loss_history))
    return model


if __name__ == "__main__":
    img_mean = (123.675, 116.28, 103.53)
    img_std = (1., 1., 1.)
    train_dataset = coco.CocoDataSet('./datasets/', 'train', flip_ratio=0.5, pad_mode='fixed',
                                     mean=img_mean, std=img_std, scale=(800, 1024))
    train_generator = data_generator.DataGenerator(train_dataset)
    model = faster_rcnn.FasterRCNN(num_classes=len(train_dataset.get_categories()), weight_decay=1e-4)
    model = train(model, train_generator, batch_size=1, epochs=20)
    model.save_weights('weights/faster_rcnn.h5')
