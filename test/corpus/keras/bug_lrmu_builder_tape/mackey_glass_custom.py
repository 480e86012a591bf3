# Idiom seen in: VitoBarra/Keras-LRMU Utility/ModelBuilder.py
# What it reproduces: the fluent ModelBuilder (inputLayer().LSTM(...).BuildPrediction()) of that repo,
#   extended with L2 kernel regularizers on the head, but the model is then trained in a hand-written
#   GradientTape loop whose loss is the bare MSE: model.losses never joins the loss. User mistake.
import tensorflow as tf

from model_builder import ModelBuilder
from Problems.MackeyGlass.DataGeneration import MackeyGlassDataset  # not part of this program

SEQ_LEN = 128
EPOCHS = 50


def main():
    (x_train, y_train), (x_val, y_val) = MackeyGlassDataset(SEQ_LEN, 5000)
    model = ModelBuilder("MackeyGlass", "LSTM", seed=0, l2=1e-4) \
        .inputLayer(SEQ_LEN).LSTM(49).BuildPrediction()
    optimizer = tf.keras.optimizers.Adam(1e-3)
    loss_fn = tf.keras.losses.MeanSquaredError()
    train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1024).batch(64)

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            pred = model(x, training=True)
            loss = loss_fn(y, pred)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    for epoch in range(EPOCHS):
        for x, y in train_ds:
            loss = train_step(x, y)
        val = loss_fn(y_val, model(x_val, training=False))
        print(f"epoch {epoch}: train {float(loss):.5f} val {float(val):.5f}")


if __name__ == "__main__":
    main()
