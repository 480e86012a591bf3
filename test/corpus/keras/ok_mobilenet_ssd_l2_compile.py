# Idiom seen in: ManishSoni1908/Mobilenet-ssd-keras models/ssd_mobilenet.py
# What it reproduces: ssd_300(mode, image_size, n_classes, l2_regularization=0.0005, ...) builds the extra feature
# layers and the class/box predictor convs with kernel_regularizer=l2(l2_reg); training compiles with SSDLoss and fits
# a generator, so Keras adds the regularization losses. Clean.
import keras
import numpy as np
from keras.layers import Input, Conv2D, Reshape, Concatenate, Activation, BatchNormalization
from keras.models import Model
from keras.optimizers import SGD
from keras.regularizers import l2

from models.mobilenet_v1 import mobilenet
from keras_loss_function.keras_ssd_loss import SSDLoss
from data_generator.object_detection_2d_data_generator import DataGenerator


def ssd_300(image_size, n_classes, l2_regularization=0.0005, n_boxes=(3, 6, 6, 6, 6, 6)):
    n_classes += 1
    l2_reg = l2_regularization
    img_height, img_width, img_channels = image_size

    x = Input(shape=(img_height, img_width, img_channels))
    conv4_3, fc7 = mobilenet(x)

    def extra(inp, f1, f2, stride, name):
        y = Conv2D(f1, (1, 1), padding='same', kernel_initializer='he_normal',
                   kernel_regularizer=l2(l2_reg), name=name + '_1')(inp)
        y = Activation('relu')(BatchNormalization()(y))
        y = Conv2D(f2, (3, 3), strides=stride, padding='same', kernel_initializer='he_normal',
                   kernel_regularizer=l2(l2_reg), name=name + '_2')(y)
        return Activation('relu')(BatchNormalization()(y))

    conv6_2 = extra(fc7, 256, 512, (2, 2), 'conv6')
    conv7_2 = extra(conv6_2, 128, 256, (2, 2), 'conv7')
    conv8_2 = extra(conv7_2, 128, 256, (2, 2), 'conv8')
    conv9_2 = extra(conv8_2, 64, 128, (2, 2), 'conv9')

    sources = [conv4_3, fc7, conv6_2, conv7_2, conv8_2, conv9_2]
    confs, locs = [], []
    for i, (src, nb) in enumerate(zip(sources, n_boxes)):
        conf = Conv2D(nb * n_classes, (3, 3), padding='same', kernel_initializer='he_normal',
                      kernel_regularizer=l2(l2_reg), name='conf_%d' % i)(src)
        loc = Conv2D(nb * 4, (3, 3), padding='same', kernel_initializer='he_normal',
                     kernel_regularizer=l2(l2_reg), name='loc_%d' % i)(src)
        confs.append(Reshape((-1, n_classes))(conf))
        locs.append(Reshape((-1, 4))(loc))

    mbox_conf = Activation('softmax', name='mbox_conf_softmax')(Concatenate(axis=1)(confs))
    mbox_loc = Concatenate(axis=1)(locs)
    predictions = Concatenate(axis=2, name='predictions')([mbox_conf, mbox_loc])
    return Model(inputs=x, outputs=predictions)


if __name__ == '__main__':
    model = ssd_300(image_size=(300, 300, 3), n_classes=20, l2_regularization=0.0005)
    model.load_weights('./mobilenet_ssd_coco.h5', by_name=True)
    sgd = SGD(lr=0.001, momentum=0.9, decay=0.0, nesterov=False)
    ssd_loss = SSDLoss(neg_pos_ratio=3, alpha=1.0)
    model.compile(optimizer=sgd, loss=ssd_loss.compute_loss)

    train_dataset = DataGenerator(load_images_into_memory=False)
    train_dataset.parse_xml(images_dirs=['VOC2007/JPEGImages'], image_set_filenames=['VOC2007/trainval.txt'],
                            annotations_dirs=['VOC2007/Annotations'])
    train_generator = train_dataset.generate(batch_size=32, shuffle=True)
    model.fit_generator(train_generator, steps_per_epoch=1000, epochs=120,
                        callbacks=[keras.callbacks.ModelCheckpoint('ssd300_mobilenet_{epoch:02d}.h5')])
