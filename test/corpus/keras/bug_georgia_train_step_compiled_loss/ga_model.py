# Idiom seen in: KatherineMossDeveloper/The-Georgia-Project GAmodel.py
# What it reproduces: the project's ModelTrainer (ResNet101 base, GlobalAveragePooling + Dense/BN/Dropout head, SGD momentum,
#   compile + fit); a realistic mistake on the repo's code: L2 is put on the head Dense layers and the model is wrapped in a
#   train_step override that calls self.compiled_loss(y, y_pred) without regularization_losses=self.losses, so fit runs a step
#   whose loss leaves the head's regularization terms out (WD103 on each regularizer keyword).
import tensorflow as tf
from tensorflow.keras.applications import ResNet101
from tensorflow.keras.layers import BatchNormalization, Dense, Dropout, GlobalAveragePooling2D
from tensorflow.keras.regularizers import l2

L2_HEAD = 1e-4


class LoggingModel(tf.keras.Model):
    """Model whose fit() step also keeps the last batch's gradient norm for the callbacks."""

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.last_grad_norm = tf.linalg.global_norm(gradients)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred)
        results = {m.name: m.result() for m in self.metrics}
        results['grad_norm'] = self.last_grad_norm
        return results


def create_model(weights='imagenet', input_shape=(224, 224, 3), trainable_fraction=10):
    base_model = ResNet101(weights=weights, include_top=False, input_shape=input_shape)
    x = GlobalAveragePooling2D()(base_model.output)
    x = Dense(512, activation='relu', kernel_regularizer=l2(L2_HEAD))(x)  # expect: WD103
    x = BatchNormalization()(x)
    x = Dropout(0.4)(x)
    x = Dense(256, activation='relu', kernel_regularizer=l2(L2_HEAD))(x)  # expect: WD103
    x = Dropout(0.3)(x)
    outputs = Dense(1, activation='sigmoid')(x)

    total_layers = len(base_model.layers)
    num_trainable = total_layers // trainable_fraction
    for layer in base_model.layers[:total_layers - num_trainable]:
        layer.trainable = False
    return LoggingModel(inputs=base_model.input, outputs=outputs)
