# Idiom seen in: triagemd/keras-eval keras_eval/utils.py
# What it reproduces: load_model(model_path) of a saved .h5 classifier (keras-eval style model loading),
#   then "add L2 to every conv/dense layer" by setting layer.kernel_regularizer on the loaded, already
#   built model before fine-tuning with fit: the attribute is never read again, no loss is added.
import argparse

import keras
from keras.layers import Conv2D, Dense
from keras.preprocessing import image
from keras.regularizers import l2

from keras_eval.utils import load_model  # not part of this program


def add_weight_decay(model, alpha):
    for layer in model.layers:
        if isinstance(layer, (Conv2D, Dense)):
            layer.kernel_regularizer = l2(alpha)  # expect: WD106
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--model', required=True)
    ap.add_argument('--train-dir', required=True)
    ap.add_argument('--l2', type=float, default=1e-4)
    ap.add_argument('--lr', type=float, default=1e-4)
    args = ap.parse_args()

    model, model_spec = load_model(args.model)
    model = add_weight_decay(model, args.l2)
    gen = image.ImageDataGenerator(preprocessing_function=model_spec.preprocess_input, horizontal_flip=True)
    train_flow = gen.flow_from_directory(args.train_dir, target_size=model_spec.target_size[:2],
                                         batch_size=32, class_mode='categorical')
    model.compile(optimizer=keras.optimizers.SGD(lr=args.lr, momentum=0.9), loss='categorical_crossentropy',
                  metrics=['accuracy'])
    model.fit_generator(train_flow, epochs=10)
    model.save(args.model.replace('.h5', '_finetuned.h5'))


if __name__ == '__main__':
    main()
