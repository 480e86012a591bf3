# Idiom seen in: zhougr1993/DeepInterestNetwork deepFM/model.py
# What it reproduces: the DIN repo's DeepFM (item + category embeddings, mean-pooled history, dense tower
#   and an FM inner product) as a Keras Model with a train_step override; the embedding tables carry
#   embeddings_regularizer and the override passes regularization_losses=self.losses to compiled_loss,
#   which is what the tape differentiates. Clean.
import pickle
import tensorflow as tf
from tensorflow.keras import layers, regularizers
from input import make_dataset

EMB_L2 = 1e-6


class DeepFM(tf.keras.Model):
    def __init__(self, item_count, cate_count, cate_list, hidden_units=128):
        super().__init__()
        self.cate_list = tf.constant(cate_list, dtype=tf.int64)
        self.item_emb = layers.Embedding(item_count, hidden_units // 2, embeddings_regularizer=regularizers.l2(EMB_L2))
        self.cate_emb = layers.Embedding(cate_count, hidden_units // 2, embeddings_regularizer=regularizers.l2(EMB_L2))
        self.item_b = layers.Embedding(item_count, 1, embeddings_initializer='zeros')
        self.hist_bn = layers.BatchNormalization()
        self.hist_dense = layers.Dense(hidden_units)
        self.bn = layers.BatchNormalization()
        self.f1 = layers.Dense(80, activation='sigmoid')
        self.f2 = layers.Dense(40, activation='sigmoid')
        self.f3 = layers.Dense(1)

    def embed_item(self, ids):
        return tf.concat([self.item_emb(ids), self.cate_emb(tf.gather(self.cate_list, ids))], axis=-1)

    def call(self, inputs, training=False):
        item, hist, sl = inputs
        i_emb = self.embed_item(item)
        mask = tf.expand_dims(tf.sequence_mask(sl, tf.shape(hist)[1], dtype=tf.float32), -1)
        h = tf.reduce_sum(self.embed_item(hist) * mask, 1) / tf.cast(tf.expand_dims(sl, 1), tf.float32)
        u_emb = self.hist_dense(self.hist_bn(h, training=training))
        x = self.bn(tf.concat([u_emb, i_emb], -1), training=training)
        deep = tf.squeeze(self.f3(self.f2(self.f1(x))), -1)
        fm = tf.reduce_sum(u_emb * i_emb, -1)
        return tf.squeeze(self.item_b(item), -1) + deep + fm

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            logits = self(x, training=True)
            loss = self.compiled_loss(y, logits, regularization_losses=self.losses)
        grads = tape.gradient(loss, self.trainable_variables)
        grads, _ = tf.clip_by_global_norm(grads, 5.0)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.compiled_metrics.update_state(y, tf.sigmoid(logits))
        return {m.name: m.result() for m in self.metrics}


if __name__ == '__main__':
    with open('dataset.pkl', 'rb') as f:
        train_set = pickle.load(f)
        cate_list = pickle.load(f)
        user_count, item_count, cate_count = pickle.load(f)
    model = DeepFM(item_count, cate_count, cate_list)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3),
                  loss=tf.keras.losses.BinaryCrossentropy(from_logits=True), metrics=[tf.keras.metrics.AUC()])
    model.fit(make_dataset(train_set, batch_size=32), epochs=50)
