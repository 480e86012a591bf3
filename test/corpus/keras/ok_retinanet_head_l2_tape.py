# Idiom seen in: HirataYurina/RetinaNet-tf2.X-sibyl train.py
# What it reproduces: the repo's two-stage RetinaNet training (frozen backbone, then all layers) through a
#   @tf.function train_step(optimizer, input_img, y_true, retina_model); here the subnets carry l2 kernel
#   regularizers and the step adds tf.add_n(retina_model.losses) to the focal/smooth-L1 loss in the tape. Clean.
import logging
import time

import tensorflow as tf
import tensorflow.keras as keras

from config.configs import config
from core.loss import retina_loss
from dataset.get_dataset import DataGenerator

L2 = keras.regularizers.l2(1e-4)


def subnet(features, num_anchors, out_dim, name):
    convs = [keras.layers.Conv2D(256, 3, padding='same', activation='relu', kernel_regularizer=L2,
                                 name='%s_conv%d' % (name, i)) for i in range(4)]
    head = keras.layers.Conv2D(num_anchors * out_dim, 3, padding='same', kernel_regularizer=L2, name=name + '_head')
    outs = []
    for p in features:
        x = p
        for conv in convs:
            x = conv(x)
        outs.append(keras.layers.Reshape((-1, out_dim))(head(x)))
    return keras.layers.Concatenate(axis=1)(outs)


def retinanet(input_shape, num_anchors, num_classes):
    inputs = keras.layers.Input(input_shape)
    backbone = keras.applications.ResNet50(include_top=False, input_tensor=inputs, weights='imagenet')
    c3, c4, c5 = [backbone.get_layer(n).output for n in
                  ('conv3_block4_out', 'conv4_block6_out', 'conv5_block3_out')]
    p5 = keras.layers.Conv2D(256, 1, kernel_regularizer=L2, name='p5')(c5)
    p4 = keras.layers.Add()([keras.layers.UpSampling2D()(p5), keras.layers.Conv2D(256, 1, kernel_regularizer=L2)(c4)])
    p3 = keras.layers.Add()([keras.layers.UpSampling2D()(p4), keras.layers.Conv2D(256, 1, kernel_regularizer=L2)(c3)])
    features = [p3, p4, p5]
    box = subnet(features, num_anchors, 4, 'box')
    cls = keras.layers.Activation('sigmoid')(subnet(features, num_anchors, num_classes, 'cls'))
    return keras.Model(inputs, keras.layers.Concatenate(axis=-1)([box, cls])), backbone


@tf.function
def train_step(optimizer, input_img, y_true, retina_model):
    with tf.GradientTape() as tape:
        y_pred = retina_model(input_img, training=True)
        losses = retina_loss([y_true, y_pred]) + tf.add_n(retina_model.losses)
    gradients = tape.gradient(losses, retina_model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, retina_model.trainable_variables))
    return losses


if __name__ == '__main__':
    logging.basicConfig(filename='diary.log', level=logging.INFO)
    retina_model, backbone = retinanet(config.TRAIN.INPUT_SHAPE, config.MODEL.NUM_ANCHORS, config.MODEL.NUM_CLASSES)
    generator = DataGenerator(config.TRAIN.TRAIN_TXT, config.TRAIN.INPUT_SHAPE)

    backbone.trainable = False
    optimizer1 = keras.optimizers.Adam(learning_rate=config.TRAIN.LR1)
    for epoch in range(config.TRAIN.EPOCH1):
        start = time.time()
        for step, (img, y_true) in enumerate(generator.generate(config.TRAIN.BATCH_SIZE1)):
            losses = train_step(optimizer1, img, y_true, retina_model)
        logging.info('stage1 epoch %d loss %.4f %.1fs', epoch, float(losses), time.time() - start)

    backbone.trainable = True
    optimizer2 = keras.optimizers.Adam(learning_rate=config.TRAIN.LR2)
    for epoch in range(config.TRAIN.EPOCH2):
        for step, (img, y_true) in enumerate(generator.generate(config.TRAIN.BATCH_SIZE2)):
            losses = train_step(optimizer2, img, y_true, retina_model)
        retina_model.save_weights('logs/retinanet_epoch%d.h5' % epoch)
