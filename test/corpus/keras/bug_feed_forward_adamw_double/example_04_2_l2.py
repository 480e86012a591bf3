# Idiom seen in: ax-va/TensorFlow2-Keras-Deep-Learning-Umberto-Michelucci-2022 examples/example-04-2-regularization--L2-regularization.py
# Idiom seen in: ax-va/TensorFlow2-Keras-Deep-Learning-Umberto-Michelucci-2022 utils/feed_forward.py
# What it reproduces: the Boston-housing L2 example switched to Keras AdamW (biases excluded) while it still
#   hands an l2 kernel regularizer to the builder: the hidden kernels are decayed twice, by the penalty that
#   fit adds and by AdamW's own decay (bug written by us in the repo's idiom).
import argparse

import tensorflow as tf
from tensorflow import keras

from boston_data import load_boston_split
from feed_forward import build_keras_model, fit_model

parser = argparse.ArgumentParser()
parser.add_argument("--l2-lambda", type=float, default=1e-3)
parser.add_argument("--weight-decay", type=float, default=1e-2)
parser.add_argument("--epochs", type=int, default=10_000)
args = parser.parse_args()

(train_x, train_y), (dev_x, dev_y) = load_boston_split()
STRUCTURE = "20-20-20-20-1"

optimizer = keras.optimizers.AdamW(learning_rate=0.001, weight_decay=args.weight_decay)
optimizer.exclude_from_weight_decay(var_names=["bias"])

model = build_keras_model(
    num_inputs=(train_x.shape[1],),
    structure=STRUCTURE,
    hidden_activation="relu",
    initializer=tf.keras.initializers.HeNormal(),
    regularizer=tf.keras.regularizers.l2(l2=args.l2_lambda),  # expect: WD201
    optimizer=optimizer,
    loss="mse",
    metrics=("mse",),
)
history, minutes = fit_model(model, train_x, train_y, dev_x, dev_y,
                             batch_size=train_x.shape[0], num_epochs=args.epochs)
history.to_parquet(f"../histories/history-04-2-adamw-l2_lambda-{args.l2_lambda}.parquet")
print(f"Learning time = {minutes:.2f} minutes")
