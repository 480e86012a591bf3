# Idiom seen in: qubvel/segmentation_models segmentation_models/utils.py
# What it reproduces: the set_regularization idiom (assign kernel_regularizer / bias_regularizer to every
#   layer of a built model). Realistic mistake: this copy drops the model_from_json(model.to_json())
#   rebuild of the original, so on a built EfficientNet fine-tuning model the assignments add no loss
#   and model.fit trains without decay.
import argparse
from tensorflow import keras
from tensorflow.keras import layers, regularizers
from data_pipeline import make_datasets


def add_weight_decay(model, weight_decay):
    for layer in model.layers:
        if hasattr(layer, 'kernel_regularizer'):
            layer.kernel_regularizer = regularizers.l2(weight_decay)  # expect: WD106
        if hasattr(layer, 'bias_regularizer') and getattr(layer, 'use_bias', False):
            layer.bias_regularizer = regularizers.l2(weight_decay)  # expect: WD106
    return model


def build_model(num_classes, img_size, dropout):
    base = keras.applications.EfficientNetB0(include_top=False, weights='imagenet',
                                             input_shape=(img_size, img_size, 3))
    base.trainable = True
    inputs = keras.Input(shape=(img_size, img_size, 3))
    x = base(inputs, training=False)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(dropout)(x)
    outputs = layers.Dense(num_classes, activation='softmax', name='pred')(x)
    return keras.Model(inputs, outputs)


def main():
    parser = argparse.ArgumentParser(description='Fine-tune EfficientNetB0 on leaf disease images')
    parser.add_argument('--data_dir', default='data/plant_village')
    parser.add_argument('--num_classes', type=int, default=38)
    parser.add_argument('--img_size', type=int, default=224)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    parser.add_argument('--epochs', type=int, default=15)
    args = parser.parse_args()

    train_ds, val_ds = make_datasets(args.data_dir, args.img_size, batch_size=32)
    model = build_model(args.num_classes, args.img_size, dropout=0.3)
    model = add_weight_decay(model, args.weight_decay)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9),
                  loss='sparse_categorical_crossentropy', metrics=['accuracy'])
    model.fit(train_ds, validation_data=val_ds, epochs=args.epochs,
              callbacks=[keras.callbacks.ModelCheckpoint('effnet_best.keras', save_best_only=True)])


if __name__ == '__main__':
    main()
