# Idiom seen in: astracloud/age_gender_estimation train_tf2.py
# What it reproduces: the repo's TF2 multi-head face-attribute model on a pretrained MobileNetV2 (its WEIGHT_DECAY
#   constant sits unused there); a user "adds the decay" by setting kernel_regularizer on the backbone's Conv2D
#   layers after the model is built, which creates no loss term, so fit trains without it (a realistic mistake).
import tensorflow as tf
from tensorflow.keras.callbacks import EarlyStopping, ModelCheckpoint
from tensorflow.keras.layers import BatchNormalization, Activation, GlobalAveragePooling2D, Dense
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam

from generator.data_gen import DataGenerator

TRAIN_IMAGE_PATH = 'images/train_set/*.jpg'
TRAIN_DETAIL_DF = 'merge.csv'
IMG_SIZE = 128
INPUT_SHAPE = (IMG_SIZE, IMG_SIZE, 3)
WEIGHT_INIT = "he_normal"
EMBEDDING_SIZE = 128
WEIGHT_DECAY = 0.01
EPOCHS = 2000
BATCH_SIZE = 64


def get_model(input_shape):
    base_model = tf.keras.applications.MobileNetV2(input_shape=input_shape, include_top=False, weights='imagenet')
    for layer in base_model.layers:
        if isinstance(layer, tf.keras.layers.Conv2D):
            layer.kernel_regularizer = tf.keras.regularizers.l2(WEIGHT_DECAY)  # expect: WD106

    x = GlobalAveragePooling2D()(base_model.output)
    x = Dense(EMBEDDING_SIZE, kernel_initializer=WEIGHT_INIT, use_bias=False)(x)
    x = Activation("relu")(BatchNormalization()(x))
    heads = {
        'age': Dense(1, kernel_initializer=WEIGHT_INIT, activation="tanh", name='age')(x),
        'gender': Dense(2, kernel_initializer=WEIGHT_INIT, activation="sigmoid", name='gender')(x),
        'beard': Dense(2, kernel_initializer=WEIGHT_INIT, activation="sigmoid", name='beard')(x),
        'eyes_glasses': Dense(2, kernel_initializer=WEIGHT_INIT, activation="sigmoid", name='eyes_glasses')(x),
        'expression': Dense(8, kernel_initializer=WEIGHT_INIT, activation="softmax", name='expression')(x),
    }
    model = Model(inputs=base_model.input, outputs=list(heads.values()))
    model.compile(optimizer=Adam(learning_rate=0.001),
                  loss={"age": "mae", "gender": "binary_crossentropy", "beard": "categorical_crossentropy",
                        "eyes_glasses": "categorical_crossentropy", "expression": "categorical_crossentropy"},
                  metrics={'age': 'mae', 'gender': 'binary_accuracy', 'expression': 'categorical_accuracy'})
    return model


def main():
    model = get_model(INPUT_SHAPE)
    train_gen = DataGenerator()
    train_gen.parse(TRAIN_IMAGE_PATH, TRAIN_DETAIL_DF)
    train_ds = train_gen.as_dataset(aug=True).batch(BATCH_SIZE).repeat().prefetch(tf.data.experimental.AUTOTUNE)
    callbacks = [
        EarlyStopping(monitor='loss', patience=100, mode='min'),
        ModelCheckpoint('checkpoints/{epoch:02d}-{loss:.2f}.h5', monitor="loss", save_best_only=True, mode="min"),
    ]
    model.fit(train_ds, steps_per_epoch=train_gen.sample_count() // BATCH_SIZE, epochs=EPOCHS, callbacks=callbacks)


if __name__ == '__main__':
    main()
