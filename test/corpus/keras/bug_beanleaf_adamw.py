# Idiom seen in: repository not resolved by the code index (index file id 27492476033: bean-leaf disease classifier, model.py build_model(config, freeze_base))
# What it reproduces: MobileNetV3Large transfer learning whose head Dense(256) has kernel_regularizer=l2(1e-4)
#   and is compiled with tf.keras.optimizers.AdamW(learning_rate=...) and no weight_decay argument: AdamW's default
#   decay (0.004) decays that kernel a second time, and decays the BatchNormalization scale/offset and all biases.
import tensorflow as tf
from tensorflow.keras import layers, models, regularizers
from tensorflow.keras.applications import MobileNetV3Large

config = {
    'IMG_SIZE': 224,
    'BATCH_SIZE': 32,
    'NUM_CLASSES': 3,
    'LEARNING_RATE': 1e-3,
    'EPOCHS': 30,
    'DATA_DIR': 'data/beans',
}


def build_model(config, freeze_base=True):
    """Build the MobileNetV3Large classifier."""
    base_model = MobileNetV3Large(include_top=False, weights='imagenet',
                                  input_shape=(config['IMG_SIZE'], config['IMG_SIZE'], 3))
    base_model.trainable = not freeze_base

    inputs = layers.Input(shape=(config['IMG_SIZE'], config['IMG_SIZE'], 3))
    x = layers.Rescaling(255.0)(inputs)  # generator gives [0, 1], MobileNetV3 preprocesses [0, 255] itself
    x = base_model(x, training=not freeze_base)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(256, kernel_regularizer=regularizers.l2(1e-4))(x)  # expect: WD201
    x = layers.BatchNormalization()(x)
    x = layers.Activation('swish')(x)
    x = layers.Dropout(0.3)(x)
    outputs = layers.Dense(config['NUM_CLASSES'], activation='softmax')(x)
    model = models.Model(inputs, outputs, name='BeanLeaf_MobileNetV3Large')

    optimizer = tf.keras.optimizers.AdamW(learning_rate=config['LEARNING_RATE'])  # expect: WD203
    model.compile(optimizer=optimizer, loss='categorical_crossentropy', metrics=['accuracy'])
    return model


def load_data(config):
    common = dict(image_size=(config['IMG_SIZE'], config['IMG_SIZE']), batch_size=config['BATCH_SIZE'],
                  label_mode='categorical')
    train_ds = tf.keras.utils.image_dataset_from_directory(config['DATA_DIR'] + '/train', shuffle=True, **common)
    val_ds = tf.keras.utils.image_dataset_from_directory(config['DATA_DIR'] + '/validation', **common)
    rescale = layers.Rescaling(1.0 / 255)
    train_ds = train_ds.map(lambda x, y: (rescale(x), y)).prefetch(tf.data.AUTOTUNE)
    val_ds = val_ds.map(lambda x, y: (rescale(x), y)).prefetch(tf.data.AUTOTUNE)
    return train_ds, val_ds


if __name__ == '__main__':
    train_ds, val_ds = load_data(config)
    model = build_model(config, freeze_base=True)
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor='val_accuracy', patience=5, restore_best_weights=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor='val_loss', factor=0.2, patience=3),
        tf.keras.callbacks.ModelCheckpoint('beanleaf_mnv3.keras', save_best_only=True),
    ]
    history = model.fit(train_ds, validation_data=val_ds, epochs=config['EPOCHS'], callbacks=callbacks)
    print('best val_accuracy:', max(history.history['val_accuracy']))
