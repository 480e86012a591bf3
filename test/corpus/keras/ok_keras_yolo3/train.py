# Idiom seen in: qqwweee/keras-yolo3 train.py
# Idiom seen in: qqwweee/keras-yolo3 yolo3/model.py
# What it reproduces: the two-stage retraining script (frozen body, then everything unfrozen and recompiled); the
#   Lambda yolo_loss output is the compiled loss, so fit_generator also minimizes the l2(5e-4) terms. Clean.
import numpy as np
from keras import backend as K
from keras.callbacks import ModelCheckpoint, ReduceLROnPlateau, EarlyStopping
from keras.layers import Input, Lambda
from keras.models import Model
from keras.optimizers import Adam

from yolo3.model import yolo_body, yolo_loss
from yolo3.utils import data_generator_wrapper, get_anchors, get_classes


def create_model(input_shape, anchors, num_classes, freeze_body=2, weights_path='model_data/yolo_weights.h5'):
    K.clear_session()
    image_input = Input(shape=(None, None, 3))
    h, w = input_shape
    num_anchors = len(anchors)
    y_true = [Input(shape=(h // {0: 32, 1: 16, 2: 8}[l], w // {0: 32, 1: 16, 2: 8}[l], num_anchors // 3,
                           num_classes + 5)) for l in range(3)]
    model_body = yolo_body(image_input, num_anchors // 3, num_classes)
    model_body.load_weights(weights_path, by_name=True, skip_mismatch=True)
    if freeze_body in [1, 2]:
        num = (185, len(model_body.layers) - 3)[freeze_body - 1]
        for i in range(num):
            model_body.layers[i].trainable = False
    model_loss = Lambda(yolo_loss, output_shape=(1,), name='yolo_loss',
                        arguments={'anchors': anchors, 'num_classes': num_classes, 'ignore_thresh': 0.5})(
        [*model_body.output, *y_true])
    return Model([model_body.input, *y_true], model_loss)


def _main():
    annotation_path = 'train.txt'
    log_dir = 'logs/000/'
    class_names = get_classes('model_data/voc_classes.txt')
    anchors = get_anchors('model_data/yolo_anchors.txt')
    input_shape = (416, 416)
    model = create_model(input_shape, anchors, len(class_names), freeze_body=2)

    checkpoint = ModelCheckpoint(log_dir + 'ep{epoch:03d}-loss{loss:.3f}-val_loss{val_loss:.3f}.h5',
                                 monitor='val_loss', save_weights_only=True, save_best_only=True, period=3)
    reduce_lr = ReduceLROnPlateau(monitor='val_loss', factor=0.1, patience=3, verbose=1)
    early_stopping = EarlyStopping(monitor='val_loss', min_delta=0, patience=10, verbose=1)

    with open(annotation_path) as f:
        lines = f.readlines()
    np.random.seed(10101)
    np.random.shuffle(lines)
    num_val = int(len(lines) * 0.1)
    num_train = len(lines) - num_val
    batch_size = 32
    train_gen = data_generator_wrapper(lines[:num_train], batch_size, input_shape, anchors, len(class_names))
    val_gen = data_generator_wrapper(lines[num_train:], batch_size, input_shape, anchors, len(class_names))

    model.compile(optimizer=Adam(lr=1e-3), loss={'yolo_loss': lambda y_true, y_pred: y_pred})
    model.fit_generator(train_gen, steps_per_epoch=max(1, num_train // batch_size), validation_data=val_gen,
                        validation_steps=max(1, num_val // batch_size), epochs=50, initial_epoch=0,
                        callbacks=[checkpoint])
    model.save_weights(log_dir + 'trained_weights_stage_1.h5')

    for i in range(len(model.layers)):
        model.layers[i].trainable = True
    model.compile(optimizer=Adam(lr=1e-4), loss={'yolo_loss': lambda y_true, y_pred: y_pred})
    model.fit_generator(train_gen, steps_per_epoch=max(1, num_train // batch_size), validation_data=val_gen,
                        validation_steps=max(1, num_val // batch_size), epochs=100, initial_epoch=50,
                        callbacks=[checkpoint, reduce_lr, early_stopping])
    model.save_weights(log_dir + 'trained_weights_final.h5')


if __name__ == '__main__':
    _main()
