# Idiom seen in: WZMIAOMIAO/deep-learning-for-image-processing tensorflow_classification/Test6_mobilenet/train_mobilenet_v3.py
# What it reproduces: transfer learning of MobileNetV3-Large: pretrained weights loaded, all but the last
#   two layers frozen in a loop over model.layers. Realistic mistake: the same loop sets
#   kernel_regularizer on the built layers to "add L2 to the trainable head"; the model is never rebuilt,
#   so no regularization loss exists and model.fit trains without decay.
import os

import tensorflow as tf

from model_v3 import mobilenet_v3_large
from utils import generate_ds


def main():
    data_root = "/data/flower_photos"
    im_height, im_width = 224, 224
    batch_size, epochs, num_classes = 16, 20, 5
    head_l2 = 4e-5

    train_ds, val_ds = generate_ds(data_root, im_height, im_width, batch_size)
    model = mobilenet_v3_large(input_shape=(im_height, im_width, 3), num_classes=num_classes, include_top=True)
    pre_weights_path = './weights_mobilenet_v3_large_224_1.0_float.h5'
    assert os.path.exists(pre_weights_path), "cannot find {}".format(pre_weights_path)
    model.load_weights(pre_weights_path, by_name=True, skip_mismatch=True)

    for layer in model.layers:
        if layer.name not in ["Conv_2", "Logits/Conv2d_1c_1x1"]:
            layer.trainable = False
        else:
            layer.kernel_regularizer = tf.keras.regularizers.l2(head_l2)  # expect: WD106
            print("training: " + layer.name)

    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.0005),
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False),
                  metrics=["accuracy"])
    callbacks = [tf.keras.callbacks.ModelCheckpoint("./save_weights/resMobileNetV3.ckpt",
                                                    save_best_only=True, save_weights_only=True,
                                                    monitor="val_accuracy")]
    model.fit(train_ds, validation_data=val_ds, epochs=epochs, callbacks=callbacks)


if __name__ == '__main__':
    main()
