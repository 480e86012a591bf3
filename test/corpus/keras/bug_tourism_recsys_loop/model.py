# Idiom seen in: m1kael1/toursantara-model-deployment model.py
# Idiom seen in: m1kael1/toursantara-model-deployment main.py
# What it reproduces: Indonesian tourism-place recommender (RecommenderNet: user/place embeddings with
#   embeddings_regularizer=l2(1e-6) plus bias embeddings); a user moves training from fit to a GradientTape loop and
#   differentiates only the BCE, leaving model.losses out (user mistake in the repo's idiom).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class RecommenderNet(tf.keras.Model):
    def __init__(self, num_users, num_place, embedding_size, **kwargs):
        super(RecommenderNet, self).__init__(**kwargs)
        self.num_users = num_users
        self.num_place = num_place
        self.embedding_size = embedding_size
        self.user_embedding = layers.Embedding(
            num_users,
            embedding_size,
            embeddings_initializer='he_normal',
            embeddings_regularizer=keras.regularizers.l2(1e-6)  # expect: WD103
        )
        self.user_bias = layers.Embedding(num_users, 1)
        self.place_embedding = layers.Embedding(
            num_place,
            embedding_size,
            embeddings_initializer='he_normal',
            embeddings_regularizer=keras.regularizers.l2(1e-6)  # expect: WD103
        )
        self.place_bias = layers.Embedding(num_place, 1)

    def call(self, inputs):
        user_vector = self.user_embedding(inputs[:, 0])
        user_bias = self.user_bias(inputs[:, 0])
        place_vector = self.place_embedding(inputs[:, 1])
        place_bias = self.place_bias(inputs[:, 1])
        dot_user_place = tf.reduce_sum(user_vector * place_vector, axis=1, keepdims=True)
        x = dot_user_place + user_bias + place_bias
        return tf.nn.sigmoid(x)
