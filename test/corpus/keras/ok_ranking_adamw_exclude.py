# Idiom seen in: karapapas/rank-rx README.md
# What it reproduces: TF-Ranking Keras listwise scorer (tensorflow-ranking 0.5.x) trained with compile + fit and
#   the Keras AdamW optimizer, whose decoupled decay is kept off biases, LayerNorm and embeddings by a single
#   exclude_from_weight_decay call; no layer regularizers, so no double decay (clean).
import tensorflow as tf
import tensorflow_ranking as tfr

from rx_data import load_listwise_dataset

LIST_SIZE = 20
NUM_FEATURES = 46
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 1e-2


def build_scorer():
    features = tf.keras.Input(shape=(LIST_SIZE, NUM_FEATURES), name='features')
    drug_ids = tf.keras.Input(shape=(LIST_SIZE,), dtype=tf.int32, name='drug_id')
    emb = tf.keras.layers.Embedding(5000, 16, name='drug_embeddings')(drug_ids)
    x = tf.keras.layers.Concatenate(axis=-1)([features, emb])
    x = tf.keras.layers.LayerNormalization(name='layer_normalization')(x)
    for units in (128, 64):
        x = tf.keras.layers.Dense(units, activation='relu')(x)
    scores = tf.squeeze(tf.keras.layers.Dense(1)(x), axis=-1)
    return tf.keras.Model(inputs=[features, drug_ids], outputs=scores)


model = build_scorer()
optimizer = tf.keras.optimizers.AdamW(learning_rate=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
optimizer.exclude_from_weight_decay(var_names=['bias', 'layer_normalization', 'drug_embeddings'])
model.compile(optimizer=optimizer,
              loss=tfr.keras.losses.SoftmaxLoss(),
              metrics=[tfr.keras.metrics.NDCGMetric(topn=5, name='ndcg@5')])

train_ds, valid_ds = load_listwise_dataset('data/rx_train.tfrecord', 'data/rx_valid.tfrecord', LIST_SIZE)
model.fit(train_ds, validation_data=valid_ds, epochs=20)
