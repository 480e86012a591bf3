# Idiom seen in: m2dsupsdlclass/lectures-labs labs/03_neural_recsys/solutions/deep_explicit_feedback_recsys.py
# What it reproduces: the lab's subclassed DeepRegressionModel (user/item Embedding, Flatten, Concatenate, Dropout,
# Dense) for MovieLens ratings, here with embeddings_regularizer=l2 and trained in a custom GradientTape loop whose loss
# is mae + tf.add_n(model.losses). Clean: the embedding penalties are in the differentiated loss.
import numpy as np
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.layers import Embedding, Flatten, Concatenate, Dropout, Dense
from tensorflow.keras.regularizers import l2

from movielens import load_ratings

EMBEDDING_SIZE = 64
L2_EMB = 1e-5


class DeepRegressionModel(Model):

    def __init__(self, embedding_size, max_user_id, max_item_id):
        super().__init__()
        self.user_embedding = Embedding(output_dim=embedding_size, input_dim=max_user_id + 1, input_length=1,
                                        embeddings_regularizer=l2(L2_EMB), name='user_embedding')
        self.item_embedding = Embedding(output_dim=embedding_size, input_dim=max_item_id + 1, input_length=1,
                                        embeddings_regularizer=l2(L2_EMB), name='item_embedding')
        self.flatten = Flatten()
        self.concat = Concatenate()
        self.dropout = Dropout(0.2)
        self.dense1 = Dense(64, activation='relu')
        self.dense2 = Dense(1)

    def call(self, inputs, training=False):
        user_vecs = self.flatten(self.user_embedding(inputs[0]))
        item_vecs = self.flatten(self.item_embedding(inputs[1]))
        y = self.dropout(self.concat([user_vecs, item_vecs]), training=training)
        y = self.dropout(self.dense1(y), training=training)
        return self.dense2(y)


def main():
    (user_id_train, item_id_train, rating_train), (user_id_test, item_id_test, rating_test), \
        (max_user_id, max_item_id) = load_ratings('ml-100k')
    model = DeepRegressionModel(EMBEDDING_SIZE, max_user_id, max_item_id)
    optimizer = tf.keras.optimizers.Adam(1e-3)
    mae = tf.keras.losses.MeanAbsoluteError()
    train_ds = tf.data.Dataset.from_tensor_slices(
        ((user_id_train, item_id_train), rating_train)).shuffle(100000).batch(64)

    @tf.function
    def train_step(inputs, ratings):
        with tf.GradientTape() as tape:
            preds = model(inputs, training=True)
            loss = mae(ratings, preds) + tf.add_n(model.losses)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    for epoch in range(10):
        losses = [float(train_step(x, y)) for x, y in train_ds]
        test_preds = model((user_id_test, item_id_test)).numpy().ravel()
        print('epoch %d  train %.4f  test MAE %.4f' % (epoch, np.mean(losses),
                                                      np.mean(np.abs(test_preds - rating_test))))


if __name__ == '__main__':
    main()
