# Idiom seen in: analytics-ufcg/Deep4Rec examples/frappe_nmf.py
# What it reproduces: a Deep4Rec-style NeuralMF keras.Model with its own train() loop: embeddings carry an
#   L2 embeddings_regularizer and the loss inside the tape is the data loss plus tf.add_n(self.losses). Clean.
import tensorflow as tf

from deep4rec import datasets


class NeuralMF(tf.keras.Model):
    def __init__(self, num_users, num_items, num_units=64, layers=(64,), l2_reg=1e-5):
        super().__init__()
        reg = tf.keras.regularizers.l2(l2_reg)
        self.user_emb = tf.keras.layers.Embedding(num_users, num_units, embeddings_regularizer=reg)
        self.item_emb = tf.keras.layers.Embedding(num_items, num_units, embeddings_regularizer=reg)
        self.mlp = [tf.keras.layers.Dense(u, activation='relu') for u in layers]
        self.out = tf.keras.layers.Dense(1)

    def call(self, users, items, training=False):
        h = tf.concat([self.user_emb(users), self.item_emb(items)], axis=-1)
        for layer in self.mlp:
            h = layer(h)
        return tf.squeeze(self.out(h), -1)

    def train(self, ds, batch_size=128, epochs=10, optimizer=None):
        optimizer = optimizer or tf.keras.optimizers.Adagrad(learning_rate=0.05)
        loss_fn = tf.keras.losses.MeanSquaredError()
        for epoch in range(epochs):
            for users, items, y in ds.make_tf_dataset('train').batch(batch_size):
                with tf.GradientTape() as tape:
                    preds = self(users, items, training=True)
                    loss = loss_fn(y, preds) + tf.add_n(self.losses)
                grads = tape.gradient(loss, self.trainable_variables)
                optimizer.apply_gradients(zip(grads, self.trainable_variables))
            print('epoch', epoch, float(loss))


if __name__ == '__main__':
    ds = datasets.build_dataset('frappe')
    model = NeuralMF(ds.num_users, ds.num_items, num_units=128, layers=[128])
    model.train(ds, batch_size=128, epochs=200)
