# Idiom seen in: PatrickHwang/Explicit-tf2-Recommendation 1.MatrixCF/ModelBase.py
# Idiom seen in: PatrickHwang/Explicit-tf2-Recommendation 1.MatrixCF/ModelZoo.py
# What it reproduces: an abstract ModelBase whose train_step runs a GradientTape loop on self.model
#   built by the subclass (MatrixCF: a shared Embedding with embeddings_regularizer="l2"); the loss is
#   only the cross entropy, self.model.losses never reaches tape.gradient (real repo bug).
import argparse
import os

import tensorflow as tf

from ModelBase import ModelBase


class MatrixCF(ModelBase):
    def init_model(self):
        user = tf.keras.Input(shape=(1,), name='user', dtype=tf.int64)
        item = tf.keras.Input(shape=(1,), name='item', dtype=tf.int64)
        embed = tf.keras.layers.Embedding(self.feature_dims,
                                          self.embedding_size,
                                          embeddings_regularizer="l2")  # expect: WD103
        user_emb = embed(user)
        item_emb = embed(item)
        logit = tf.keras.losses.cosine_similarity(user_emb, item_emb)
        logit = (1 + logit) / 2
        self.model = tf.keras.Model({"user": user, "item": item},
                                    {"pred": logit,
                                     "user_emb": tf.identity(user_emb, name="user_emb"),
                                     "item_emb": tf.identity(item_emb, name="item_emb")})
        self.model.summary()

    def init_dataset(self, type, file_dir=None, shuffle=True):
        file_dir = file_dir or self.data_dir

        def _parse_example(example):
            feats = {"ctr": tf.io.FixedLenFeature(shape=[1], dtype=tf.float32),
                     "user": tf.io.FixedLenFeature(shape=[1], dtype=tf.int64),
                     "item": tf.io.FixedLenFeature(shape=[1], dtype=tf.int64)}
            return tf.io.parse_single_example(example, feats)

        files = [os.path.join(file_dir, f) for f in os.listdir(file_dir) if type in f]
        dataset = tf.data.TFRecordDataset(files).map(_parse_example)
        if shuffle:
            dataset = dataset.shuffle(50)
        return dataset.batch(16).prefetch(tf.data.experimental.AUTOTUNE)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--epochs', type=int, default=30)
    parser.add_argument('--data_dir', default='data/generated')
    args = parser.parse_args()

    model = MatrixCF(lr=args.lr, epochs=args.epochs, data_dir=args.data_dir)
    train_ds = model.init_dataset('train')
    test_ds = model.init_dataset('test', shuffle=False)
    model.run(train_ds, test_ds)
