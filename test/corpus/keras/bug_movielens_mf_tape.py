# Idiom seen in: PLSE-Lab/Python-MLAPI-expl python_sources/regularized-movielens-factorization-model.py
# What it reproduces: the regularized MovieLens factorization model (embeddings_regularizer on both tables),
#   moved from compile/fit to a GradientTape loop whose loss is the MSE alone: model.losses is left out,
#   so the embedding L2 does nothing (realistic user mistake when leaving fit).
import os

import pandas as pd
import tensorflow as tf
from tensorflow import keras

input_dir = '../input/movielens_preprocessed'
df = pd.read_csv(os.path.join(input_dir, 'rating.csv'), usecols=['userId', 'movieId', 'rating', 'y'])

movie_embedding_size = user_embedding_size = 8
user_id_input = keras.Input(shape=(1,), name='user_id')
movie_id_input = keras.Input(shape=(1,), name='movie_id')

movie_r12n = keras.regularizers.l1_l2(l1=0, l2=1e-6)
user_r12n = keras.regularizers.l1_l2(l1=0, l2=1e-7)
user_embedded = keras.layers.Embedding(df.userId.max() + 1, user_embedding_size,
                                       embeddings_regularizer=user_r12n,  # expect: WD103
                                       name='user_embedding')(user_id_input)
movie_embedded = keras.layers.Embedding(df.movieId.max() + 1, movie_embedding_size,
                                        embeddings_regularizer=movie_r12n,  # expect: WD103
                                        name='movie_embedding')(movie_id_input)
dotted = keras.layers.Dot(2)([user_embedded, movie_embedded])
out = keras.layers.Flatten()(dotted)
l2_model = keras.Model(inputs=[user_id_input, movie_id_input], outputs=out)

optimizer = keras.optimizers.Adam(0.005)
mse = keras.losses.MeanSquaredError()
dataset = tf.data.Dataset.from_tensor_slices(
    ((df.userId.values, df.movieId.values), df.y.values.astype('float32'))).shuffle(100000).batch(5000)


@tf.function
def train_step(inputs, y):
    with tf.GradientTape() as tape:
        pred = l2_model(inputs, training=True)
        loss = mse(y, pred)
    grads = tape.gradient(loss, l2_model.trainable_variables)
    optimizer.apply_gradients(zip(grads, l2_model.trainable_variables))
    return loss


for epoch in range(10):
    for inputs, y in dataset:
        loss = train_step(inputs, y)
    print('epoch %d: mse %.4f' % (epoch, float(loss)))
