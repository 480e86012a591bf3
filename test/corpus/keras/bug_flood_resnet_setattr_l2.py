# Idiom seen in: qunshansj/Real-time-City-Road-Flood-Area-Detection custom.py
# What it reproduces: the repo's custom() ResNet50 transfer model, with a realistic user addition: "a little
#   L2 on every backbone conv" assigned to base_model.layers after the application model is built. No rebuild
#   follows, so those regularizers add no loss; only the head's Dense regularizer works through fit.
from tensorflow.keras import layers, regularizers
from tensorflow.keras.applications import ResNet50
from tensorflow.keras.models import Model

from data import load_flood_generators


def custom(input_size, num_classes, pretrain, weight_decay=1e-4):
    base_model = ResNet50(weights=pretrain, include_top=False, pooling=None,
                          input_shape=(input_size, input_size, 3), classes=num_classes)
    for layer in base_model.layers:
        if isinstance(layer, layers.Conv2D):
            layer.kernel_regularizer = regularizers.l2(weight_decay)  # expect: WD106
    x = base_model.output
    x = layers.GlobalAveragePooling2D(name='avg_pool')(x)
    x = layers.Dropout(0.5, name='dropout1')(x)
    x = layers.Dense(512, activation='relu', kernel_regularizer=regularizers.l2(0.0001), name='fc2')(x)
    x = layers.BatchNormalization(name='bn_fc_01')(x)
    x = layers.Dropout(0.5, name='dropout2')(x)
    x = layers.Dense(num_classes, activation='softmax')(x)
    model = Model(inputs=base_model.input, outputs=x)
    model.compile(optimizer="adam", loss='categorical_crossentropy', metrics=['accuracy'])
    return model


if __name__ == '__main__':
    train_gen, val_gen = load_flood_generators('dataset', 224, 32)
    model = custom(224, 2, 'imagenet')
    model.fit(train_gen, validation_data=val_gen, epochs=30)
