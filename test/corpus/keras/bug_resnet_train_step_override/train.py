# Idiom seen in: duckzhao/tensorflow2_learning self_code/ResNet.py
# What it reproduces: the ResNet subclassed once more to override train_step (to log a gradient norm); the
#   override computes compiled_loss without regularization_losses=self.losses, so fit no longer adds the
#   Dense l2 term (bug written by us in the repo's idiom).
import tensorflow as tf

from resnet import ResNet


class LoggedResNet(ResNet):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred)
        results = {m.name: m.result() for m in self.metrics}
        results['grad_norm'] = tf.linalg.global_norm(gradients)
        return results


(x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0

model = LoggedResNet([2, 2, 2, 2], initial_filters=64)
model.compile(optimizer='adam',
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False),
              metrics=['sparse_categorical_accuracy'])
cp_callback = tf.keras.callbacks.ModelCheckpoint(filepath='./check_point/ResNet.ckpt',
                                                 save_weights_only=True, save_best_only=True)
history = model.fit(x_train, y_train, batch_size=128, epochs=5, validation_data=(x_test, y_test),
                    validation_freq=1, callbacks=[cp_callback])
model.summary()
