# Idiom seen in: m1kael1/toursantara-model-deployment model.py
# Idiom seen in: m1kael1/toursantara-model-deployment main.py
# What it reproduces: Indonesian tourism-place recommender (RecommenderNet: user/place embeddings with
#   embeddings_regularizer=l2(1e-6) plus bias embeddings); a user moves training from fit to a GradientTape loop and
#   differentiates only the BCE, leaving model.losses out (user mistake in the repo's idiom).
import argparse

import numpy as np
import pandas as pd
import tensorflow as tf

from model import RecommenderNet

parser = argparse.ArgumentParser()
parser.add_argument('--ratings', default='data/tourism_rating.csv')
parser.add_argument('--epochs', type=int, default=100)
parser.add_argument('--batch_size', type=int, default=16)
parser.add_argument('--lr', type=float, default=0.001)
args = parser.parse_args()

df = pd.read_csv(args.ratings)
user_ids = df['User_Id'].unique().tolist()
place_ids = df['Place_Id'].unique().tolist()
user_to_encoded = {x: i for i, x in enumerate(user_ids)}
place_to_encoded = {x: i for i, x in enumerate(place_ids)}
df['user'] = df['User_Id'].map(user_to_encoded)
df['place'] = df['Place_Id'].map(place_to_encoded)
min_rating, max_rating = df['Place_Ratings'].min(), df['Place_Ratings'].max()
df = df.sample(frac=1, random_state=42)
x = df[['user', 'place']].values.astype(np.int32)
y = df['Place_Ratings'].apply(lambda r: (r - min_rating) / (max_rating - min_rating)).values.astype(np.float32)
split = int(0.8 * len(df))
train_ds = tf.data.Dataset.from_tensor_slices((x[:split], y[:split])).shuffle(2048).batch(args.batch_size)
val_ds = tf.data.Dataset.from_tensor_slices((x[split:], y[split:])).batch(args.batch_size)

model = RecommenderNet(len(user_ids), len(place_ids), 50)
loss_fn = tf.keras.losses.BinaryCrossentropy()
optimizer = tf.keras.optimizers.Adam(learning_rate=args.lr)
rmse = tf.keras.metrics.RootMeanSquaredError()


@tf.function
def train_step(xb, yb):
    with tf.GradientTape() as tape:
        pred = model(xb, training=True)
        loss = loss_fn(yb[:, None], pred)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for epoch in range(args.epochs):
    for xb, yb in train_ds:
        loss = train_step(xb, yb)
    rmse.reset_states()
    for xb, yb in val_ds:
        rmse.update_state(yb[:, None], model(xb))
    print('epoch %d loss %.4f val_rmse %.4f' % (epoch, float(loss), float(rmse.result())))

model.save_weights('recommender_weights.h5')
