# Idiom seen in: KatherineMossDeveloper/The-Georgia-Project GAmodel.py
# What it reproduces: the project's ResNet101 fine-tuning head (Dense/BN/Dropout, SGD momentum, compile + fit) with L2 on the head
#   and a train_step override that logs the gradient norm; the override passes regularization_losses=self.losses to
#   self.compiled_loss, so the head's L2 terms are in the loss the tape differentiates: clean.
import numpy as np
import tensorflow as tf
from tensorflow.keras.applications import ResNet101
from tensorflow.keras.layers import BatchNormalization, Dense, Dropout, GlobalAveragePooling2D
from tensorflow.keras.regularizers import l2

from GAcallbacks import MetricsLoggerCallback, standard_early_stopping
from GAdata import DataObjectGeneration

L2_HEAD = 1e-4


class LoggingModel(tf.keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred)
        results = {m.name: m.result() for m in self.metrics}
        results['grad_norm'] = tf.linalg.global_norm(gradients)
        return results


def create_model(weights='imagenet', input_shape=(224, 224, 3)):
    base_model = ResNet101(weights=weights, include_top=False, input_shape=input_shape)
    x = GlobalAveragePooling2D()(base_model.output)
    x = Dense(512, activation='relu', kernel_regularizer=l2(L2_HEAD))(x)
    x = BatchNormalization()(x)
    x = Dropout(0.4)(x)
    x = Dense(256, activation='relu', kernel_regularizer=l2(L2_HEAD))(x)
    x = Dropout(0.3)(x)
    outputs = Dense(1, activation='sigmoid')(x)
    num_trainable = len(base_model.layers) // 10
    for layer in base_model.layers[:-num_trainable]:
        layer.trainable = False
    return LoggingModel(inputs=base_model.input, outputs=outputs)


def train(train_dir, val_dir, epochs=10, batch=64, seed=42, learning=1E-2):
    tf.random.set_seed(seed)
    np.random.seed(seed)
    data_generator = DataObjectGeneration((224, 224), batch, seed)
    train_generator = data_generator.get_training_data(train_dir)
    val_generator = data_generator.get_validation_data(val_dir)

    model = create_model()
    model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=learning, momentum=0.9),
                  loss='binary_crossentropy', metrics=['accuracy'])
    logger = MetricsLoggerCallback()
    model.fit(train_generator, validation_data=val_generator, epochs=epochs,
              steps_per_epoch=train_generator.samples // batch,
              validation_steps=val_generator.samples // batch,
              callbacks=[standard_early_stopping, logger])
    return logger


if __name__ == '__main__':
    train('data/train', 'data/val', epochs=30)
