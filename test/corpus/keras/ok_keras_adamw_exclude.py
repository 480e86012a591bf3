# Idiom seen in: suhasid098/tf_apis tf/keras/optimizers/experimental/AdamW.md (AdamW(weight_decay=0.004))
#                google-research/simclr tf2/model.py (exclude_from_weight_decay=['batch_normalization', 'bias', ...])
# What it reproduces: no kernel regularizers; decoupled decay from the Keras AdamW optimizer with
# biases and normalization parameters excluded by name, trained with compile+fit on tfds data.
# Keras AdamW is decoupled (not coupled L2 like torch Adam) and nothing is decayed twice. Clean.
import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow.keras import layers

HPARAMS = dict(learning_rate=1e-3, weight_decay=0.004, batch_size=128, epochs=30, embed_dim=128)


def build_model(vocab_size, embed_dim, num_classes):
    inputs = tf.keras.Input(shape=(None,), dtype='int64')
    x = layers.Embedding(vocab_size, embed_dim)(inputs)
    x = layers.Conv1D(embed_dim, 5, activation='relu')(x)
    x = layers.LayerNormalization()(x)
    x = layers.GlobalMaxPooling1D()(x)
    x = layers.Dense(64, activation='relu')(x)
    outputs = layers.Dense(num_classes)(x)
    return tf.keras.Model(inputs, outputs)


(train_ds, test_ds), info = tfds.load('ag_news_subset', split=['train', 'test'], as_supervised=True,
                                      with_info=True)
vectorize = layers.TextVectorization(max_tokens=20000, output_sequence_length=200)
vectorize.adapt(train_ds.map(lambda text, label: text).batch(1024))
train_ds = train_ds.batch(HPARAMS['batch_size']).map(lambda t, y: (vectorize(t), y))
test_ds = test_ds.batch(HPARAMS['batch_size']).map(lambda t, y: (vectorize(t), y))

model = build_model(20000, HPARAMS['embed_dim'], info.features['label'].num_classes)
optimizer = tf.keras.optimizers.AdamW(learning_rate=HPARAMS['learning_rate'],
                                      weight_decay=HPARAMS['weight_decay'])
optimizer.exclude_from_weight_decay(var_names=['bias', 'gamma', 'beta', 'embeddings'])
model.compile(optimizer=optimizer,
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=['accuracy'])
model.fit(train_ds, validation_data=test_ds, epochs=HPARAMS['epochs'])
