# Idiom seen in: Joovvhan/dann_tf2.0 src/models.py
# What it reproduces: the repo's DANN (feature extractor / label predictor / domain classifier behind a gradient
# reversal layer) gives the SVHN layers kernel_regularizer=l2(0.001), but the GradientTape losses are the bare
# cross entropies: model.losses is never added, so none of these regularizers acts (the repo's own bug).
# Note: Adam(decay=...) is the legacy learning-rate decay, not weight decay.
import tensorflow as tf
from tensorflow.keras.layers import Activation, BatchNormalization, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from tensorflow.keras.models import Sequential
from tensorflow.keras.regularizers import l2


@tf.custom_gradient
def GradientReversalOperator(x):
    def grad(dy):
        return -1 * dy
    return x, grad


class GradientReversalLayer(tf.keras.layers.Layer):
    def call(self, inputs):
        return GradientReversalOperator(inputs)


class DANN_Model():
    def __init__(self, input_shape, model_type, lr):
        if model_type == 'MNIST':
            self.feature_extractor = Sequential([
                Conv2D(filters=32, kernel_size=5, strides=1, input_shape=input_shape),
                BatchNormalization(),
                Activation('relu'),
                MaxPooling2D(pool_size=2, strides=2),
                Flatten()
            ])
            self.label_predictor = Sequential([
                Dense(100),
                BatchNormalization(),
                Activation('relu'),
                Dense(10, activation='softmax')
            ])
            self.domain_classifier = Sequential([
                GradientReversalLayer(),
                Dense(100),
                Activation('relu'),
                Dense(2),
                Activation('sigmoid')
            ])
        elif model_type == 'SVHN':
            self.feature_extractor = Sequential([
                Conv2D(filters=64, kernel_size=5, strides=1, kernel_regularizer=l2(0.001), padding='same', input_shape=input_shape),  # expect: WD103
                BatchNormalization(),
                Activation('relu'),
                MaxPooling2D(pool_size=3, strides=2),
                Conv2D(filters=64, kernel_size=5, padding='same', strides=1, kernel_regularizer=l2(0.001)),  # expect: WD103
                BatchNormalization(),
                Activation('relu'),
                MaxPooling2D(pool_size=3, strides=2),
                Conv2D(filters=128, kernel_size=5, padding='same', strides=1, kernel_regularizer=l2(0.001)),  # expect: WD103
                BatchNormalization(),
                Activation('relu'),
                Flatten()
            ])
            self.label_predictor = Sequential([
                Dense(3072, kernel_regularizer=l2(0.001)),  # expect: WD103
                BatchNormalization(),
                Activation('relu'),
                Dropout(0.5),
                Dense(2048, kernel_regularizer=l2(0.001)),  # expect: WD103
                BatchNormalization(),
                Activation('relu'),
                Dropout(0.5),
                Dense(10, activation='softmax')
            ])
            self.domain_classifier = Sequential([
                GradientReversalLayer(),
                Dense(1024, kernel_regularizer=l2(0.001)),  # expect: WD103
                BatchNormalization(),
                Activation('relu'),
                Dropout(0.5),
                Dense(1024, kernel_regularizer=l2(0.001)),  # expect: WD103
                BatchNormalization(),
                Activation('relu'),
                Dropout(0.5),
                Dense(2, kernel_regularizer=l2(0.001)),  # expect: WD103
                Activation('softmax')
            ])

        self.predict_label = Sequential([self.feature_extractor, self.label_predictor])
        self.classify_domain = Sequential([self.feature_extractor, self.domain_classifier])

        self.loss = tf.keras.losses.SparseCategoricalCrossentropy()
        self.lp_optimizer = tf.keras.optimizers.Adam(learning_rate=lr[0], decay=0.00005)
        self.dc_optimizer = tf.keras.optimizers.Adam(learning_rate=lr[1], decay=0.0002)
        self.fe_optimizer = tf.keras.optimizers.Adam(learning_rate=lr[2], decay=0.0002)

        self.train_lp_loss = tf.keras.metrics.Mean()
        self.train_dc_loss = tf.keras.metrics.Mean()

    @tf.function
    def train(self, x_class, y_class, x_domain):
        domain_labels = tf.concat([tf.zeros(tf.shape(x_class)[0]), tf.ones(tf.shape(x_domain)[0])], axis=0)
        x_both = tf.concat([x_class, x_domain], axis=0)

        with tf.GradientTape() as tape:
            y_class_pred = self.predict_label(x_class, training=True)
            lp_loss = self.loss(y_class, y_class_pred)
        lp_grad = tape.gradient(lp_loss, self.predict_label.trainable_variables)

        with tf.GradientTape(persistent=True) as tape:
            y_domain_pred = self.classify_domain(x_both, training=True)
            dc_loss = self.loss(domain_labels, y_domain_pred)
        fe_grad = tape.gradient(dc_loss, self.feature_extractor.trainable_variables)
        dc_grad = tape.gradient(dc_loss, self.domain_classifier.trainable_variables)
        del tape

        self.lp_optimizer.apply_gradients(zip(lp_grad, self.predict_label.trainable_variables))
        self.dc_optimizer.apply_gradients(zip(dc_grad, self.domain_classifier.trainable_variables))
        self.fe_optimizer.apply_gradients(zip(fe_grad, self.feature_extractor.trainable_variables))

        self.train_lp_loss(lp_loss)
        self.train_dc_loss(dc_loss)
