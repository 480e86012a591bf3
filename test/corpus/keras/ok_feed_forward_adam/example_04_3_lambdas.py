# Idiom seen in: ax-va/TensorFlow2-Keras-Deep-Learning-Umberto-Michelucci-2022 examples/example-04-2-regularization--L2-regularization.py
# What it reproduces: sweep over L2 lambdas with a Keras Adam optimizer (no weight_decay), one fresh model per
#   lambda, trained with fit: each lambda's penalty is in the fitted loss. Clean.
import tensorflow as tf
from tensorflow import keras

from boston_data import load_boston_split
from feed_forward import build_keras_sequential

(train_x, train_y), (dev_x, dev_y) = load_boston_split()
STRUCTURE = "20-20-20-20-1"
EPOCHS = 10_000
l2_lambdas = [0.0, 0.1, 1.0, 10.0]

histories = {}
for l2_lambda in l2_lambdas:
    print("*" * 65)
    print(f"L2 lambda: {l2_lambda}")
    model = build_keras_sequential(
        num_inputs=train_x.shape[1],
        structure=STRUCTURE,
        hidden_activation="relu",
        initializer=tf.keras.initializers.HeNormal(),
        regularizer=tf.keras.regularizers.l2(l2=l2_lambda),
        optimizer=keras.optimizers.Adam(learning_rate=0.001),
    )
    history = model.fit(train_x, train_y, epochs=EPOCHS, batch_size=train_x.shape[0],
                        validation_data=(dev_x, dev_y), verbose=0)
    histories[l2_lambda] = history.history
    model.save(f"../models/model-04-3-l2_lambda-{l2_lambda}.keras")
