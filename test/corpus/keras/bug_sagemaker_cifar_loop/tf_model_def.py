# Idiom seen in: gonsoomoon-ml/SageMaker-Tensorflow-Step-By-Step code/phase0/src/tf_model_def.py
# Idiom seen in: gonsoomoon-ml/SageMaker-Tensorflow-Step-By-Step code/phase0/src/cifar10_tf2_sm.py
# What it reproduces: the repo's tf_model_fn takes weight_decay but ignores it; here the user wires it into
#   L2 kernel regularizers, while the custom GradientTape loop in cifar10_tf2_sm.py still differentiates the
#   bare SparseCategoricalCrossentropy, leaving model.losses out (realistic user mistake).
import tensorflow as tf


def tf_model_fn(learning_rate, weight_decay, optimizer, momentum):
    l2 = tf.keras.regularizers.l2(weight_decay)
    model = tf.keras.Sequential(
        [
            tf.keras.layers.Conv2D(32, [3, 3], activation="relu", kernel_regularizer=l2),  # expect: WD103
            tf.keras.layers.Conv2D(64, [3, 3], activation="relu", kernel_regularizer=l2),  # expect: WD103
            tf.keras.layers.MaxPooling2D(pool_size=(2, 2)),
            tf.keras.layers.Dropout(0.25),
            tf.keras.layers.Flatten(),
            tf.keras.layers.Dense(128, activation="relu", kernel_regularizer=l2),  # expect: WD103
            tf.keras.layers.Dropout(0.5),
            tf.keras.layers.Dense(10, activation="softmax"),
        ]
    )
    return model
