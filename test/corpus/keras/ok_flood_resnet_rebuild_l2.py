# Idiom seen in: qunshansj/Real-time-City-Road-Flood-Area-Detection custom.py
# What it reproduces: the repo's ResNet50 transfer model with L2 set on the backbone convs after building,
#   then the backbone rebuilt with model_from_json(base_model.to_json()) and its weights restored, so the
#   regularizers are created with the layers and fit adds them. Clean.
from tensorflow.keras import layers, regularizers
from tensorflow.keras.applications import ResNet50
from tensorflow.keras.models import Model, model_from_json

from data import load_flood_generators


def custom(input_size, num_classes, pretrain, weight_decay=1e-4):
    base_model = ResNet50(weights=pretrain, include_top=False, pooling=None,
                          input_shape=(input_size, input_size, 3), classes=num_classes)
    for layer in base_model.layers:
        if isinstance(layer, layers.Conv2D):
            layer.kernel_regularizer = regularizers.l2(weight_decay)
    weights = base_model.get_weights()
    base_model = model_from_json(base_model.to_json())
    base_model.set_weights(weights)

    x = layers.GlobalAveragePooling2D(name='avg_pool')(base_model.output)
    x = layers.Dropout(0.5, name='dropout1')(x)
    x = layers.Dense(512, activation='relu', kernel_regularizer=regularizers.l2(0.0001), name='fc2')(x)
    x = layers.BatchNormalization(name='bn_fc_01')(x)
    x = layers.Dense(num_classes, activation='softmax')(x)
    model = Model(inputs=base_model.input, outputs=x)
    model.compile(optimizer="adam", loss='categorical_crossentropy', metrics=['accuracy'])
    return model


if __name__ == '__main__':
    train_gen, val_gen = load_flood_generators('dataset', 224, 32)
    model = custom(224, 2, 'imagenet')
    model.fit(train_gen, validation_data=val_gen, epochs=30)
