# Idiom seen in: gonsoomoon-ml/SageMaker-Tensorflow-Step-By-Step code/phase0/src/tf_model_def.py
# Idiom seen in: gonsoomoon-ml/SageMaker-Tensorflow-Step-By-Step code/phase0/src/cifar10_tf2_sm.py
# What it reproduces: the repo's tf_model_fn with its weight_decay wired into L2 kernel regularizers; the
#   custom loop in cifar10_tf2_sm.py adds sum(model.losses) to the loss inside the tape. Clean.
import tensorflow as tf


def tf_model_fn(learning_rate, weight_decay, optimizer, momentum):
    l2 = tf.keras.regularizers.l2(weight_decay)
    model = tf.keras.Sequential(
        [
            tf.keras.layers.Conv2D(32, [3, 3], activation="relu", kernel_regularizer=l2),
            tf.keras.layers.Conv2D(64, [3, 3], activation="relu", kernel_regularizer=l2),
            tf.keras.layers.MaxPooling2D(pool_size=(2, 2)),
            tf.keras.layers.Dropout(0.25),
            tf.keras.layers.Flatten(),
            tf.keras.layers.Dense(128, activation="relu", kernel_regularizer=l2),
            tf.keras.layers.Dropout(0.5),
            tf.keras.layers.Dense(10, activation="softmax"),
        ]
    )
    return model
