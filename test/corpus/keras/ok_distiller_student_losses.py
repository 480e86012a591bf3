# Idiom seen in: abhinand5/isolated-sign-language-recognition src/islr/training/distiller.py
# Idiom seen in: abhinand5/isolated-sign-language-recognition src/islr/distill.py
# What it reproduces: a Keras Distiller whose train_step differentiates the student's weights with a loss that
# adds sum(self.student.losses), so the student's l2 kernel regularizers are trained; the teacher is frozen (clean).
import tensorflow as tf


def get_student(input_size, n_cols, num_classes, units=192, l2=1e-5):
    reg = tf.keras.regularizers.l2(l2)
    frames = tf.keras.layers.Input([input_size, n_cols], dtype=tf.float32, name='frames')
    x = tf.keras.layers.Dense(units, activation='gelu', kernel_regularizer=reg)(frames)
    x = tf.keras.layers.LayerNormalization(epsilon=1e-6)(x)
    x = tf.keras.layers.Dense(units, activation='gelu', kernel_regularizer=reg)(x)
    x = tf.reduce_mean(x, axis=1)
    x = tf.keras.layers.Dropout(0.3)(x)
    outputs = tf.keras.layers.Dense(num_classes, kernel_regularizer=reg, name='classifier')(x)
    return tf.keras.Model(frames, outputs, name='student')


class Distiller(tf.keras.Model):
    def __init__(self, student, teacher):
        super().__init__()
        self.teacher = teacher
        self.student = student

    def compile(self, optimizer, metrics, student_loss_fn, distillation_loss_fn, alpha=0.1, temperature=3):
        super().compile(optimizer=optimizer, metrics=metrics)
        self.student_loss_fn = student_loss_fn
        self.distillation_loss_fn = distillation_loss_fn
        self.alpha = alpha
        self.temperature = temperature

    def train_step(self, data):
        x, y = data
        teacher_predictions = self.teacher(x, training=False)
        with tf.GradientTape() as tape:
            student_predictions = self.student(x, training=True)
            student_loss = self.student_loss_fn(y, student_predictions)
            distillation_loss = self.distillation_loss_fn(
                tf.nn.softmax(teacher_predictions / self.temperature, axis=1),
                tf.nn.softmax(student_predictions / self.temperature, axis=1),
            ) * self.temperature ** 2
            reg_loss = sum(self.student.losses)
            loss = self.alpha * student_loss + (1 - self.alpha) * distillation_loss + reg_loss
        trainable_vars = self.student.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, student_predictions)
        results = {m.name: m.result() for m in self.metrics}
        results.update({'student_loss': student_loss, 'distillation_loss': distillation_loss, 'reg_loss': reg_loss})
        return results

    def test_step(self, data):
        x, y = data
        y_prediction = self.student(x, training=False)
        student_loss = self.student_loss_fn(y, y_prediction)
        self.compiled_metrics.update_state(y, y_prediction)
        results = {m.name: m.result() for m in self.metrics}
        results.update({'student_loss': student_loss})
        return results


if __name__ == '__main__':
    import numpy as np
    teacher = tf.keras.models.load_model('models/teacher.h5')
    teacher.trainable = False
    student = get_student(64, 164, 250)
    distiller = Distiller(student=student, teacher=teacher)
    distiller.compile(
        optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3),
        metrics=[tf.keras.metrics.SparseCategoricalAccuracy(name='acc')],
        student_loss_fn=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        distillation_loss_fn=tf.keras.losses.KLDivergence(),
        alpha=0.1,
        temperature=10,
    )
    X = np.load('data/X.npy')
    y = np.load('data/y.npy')
    distiller.fit(X, y, epochs=50, batch_size=64, validation_split=0.1)
    student.save_weights('models/student.h5')
