# Idiom seen in: dbugajny/GeneratingBoredApeYachtClub src/models/classifier.py
# What it reproduces: a multi-head trait classifier on top of the frozen VAE encoder; its DenseBlocks
#   carry kernel_regularizer=l2(...) and the model is trained with compile + fit, which adds the
#   classifier's regularization losses to the summed head losses (clean).
import tensorflow as tf

from utils.data_loading import load_labelled_images


class DenseBlock(tf.keras.layers.Layer):
    def __init__(self, units: int, dropout_rate: float = 0.25, l2: float = 1e-4) -> None:
        super().__init__()
        self.dense = tf.keras.layers.Dense(units, kernel_regularizer=tf.keras.regularizers.l2(l2))
        self.normalization = tf.keras.layers.BatchNormalization()
        self.activation = tf.keras.layers.ReLU()
        self.dropout = tf.keras.layers.Dropout(dropout_rate)

    def call(self, inputs: tf.Tensor, training=None) -> tf.Tensor:
        x = self.dense(inputs)
        x = self.normalization(x, training=training)
        x = self.activation(x)
        return self.dropout(x, training=training)


def build_classifier(encoder_model: tf.keras.Model, dense_blocks_units: list, dense_blocks_dropout_rates: list,
                     n_unique_features: list, feature_names: list) -> tf.keras.Model:
    for i in range(len(encoder_model.layers)):
        encoder_model.layers[i].trainable = False

    inp = tf.keras.layers.Input((256, 256, 3))
    x = encoder_model(inp)
    x = tf.keras.layers.Concatenate()([x[0], x[1], x[2]])
    for units, rate in zip(dense_blocks_units, dense_blocks_dropout_rates):
        x = DenseBlock(units, rate)(x)
    outputs = []
    for n, feature_name in zip(n_unique_features, feature_names):
        outputs.append(tf.keras.layers.Dense(n, activation="sigmoid", name=feature_name)(x))
    return tf.keras.Model(inp, outputs, name="classifier")


if __name__ == "__main__":
    feature_names = ["Background", "Clothes", "Earring", "Eyes", "Fur", "Hat", "Mouth"]
    n_unique_features = [8, 44, 7, 23, 19, 37, 33]
    train_ds, val_ds = load_labelled_images("data/bayc", feature_names, batch_size=32)

    encoder = tf.keras.models.load_model("models/encoder")
    classifier = build_classifier(encoder, [512, 256], [0.3, 0.3], n_unique_features, feature_names)
    classifier.compile(optimizer=tf.keras.optimizers.Adam(1e-3),
                       loss={name: "binary_crossentropy" for name in feature_names},
                       metrics=["accuracy"])
    classifier.fit(train_ds, validation_data=val_ds, epochs=30,
                   callbacks=[tf.keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)])
    classifier.save("models/classifier")
