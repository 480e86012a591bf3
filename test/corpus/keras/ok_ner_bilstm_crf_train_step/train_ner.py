# Idiom seen in: luozhouyang/transformers-keras transformers_keras/token_classification/crf_models.py
# What it reproduces: a Chinese NER tagger (char embedding + BiLSTM) with L2 embeddings/kernel regularizers,
#   wrapped in CRFModel, compiled with Adam and trained with fit; the tagged corpus comes from a dataset
#   module the folder does not hold.
import argparse

import tensorflow as tf

from crf_models import CRFModel
from ner_dataset import build_ner_datasets  # BIO-tagged char sequences, not in this folder


def build_bilstm_tagger(vocab_size, num_labels, embedding_size=128, hidden_size=256, l2=1e-5):
    reg = tf.keras.regularizers.l2(l2)
    input_ids = tf.keras.layers.Input(shape=(None,), dtype=tf.int32, name="input_ids")
    x = tf.keras.layers.Embedding(vocab_size, embedding_size, mask_zero=True,
                                  embeddings_regularizer=reg, name="char_embedding")(input_ids)
    x = tf.keras.layers.Bidirectional(
        tf.keras.layers.LSTM(hidden_size, return_sequences=True, kernel_regularizer=reg), name="bilstm")(x)
    x = tf.keras.layers.Dropout(0.3)(x)
    logits = tf.keras.layers.Dense(num_labels, kernel_regularizer=reg, name="emissions")(x)
    return tf.keras.Model(inputs=input_ids, outputs=logits, name="bilstm_tagger")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--vocab_file", default="data/vocab.txt")
    parser.add_argument("--train_file", default="data/msra_train.txt")
    parser.add_argument("--valid_file", default="data/msra_dev.txt")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--l2", type=float, default=1e-5)
    args = parser.parse_args()

    train_ds, valid_ds, vocab_size, num_labels = build_ner_datasets(args.vocab_file, args.train_file,
                                                                    args.valid_file, batch_size=32)
    base = build_bilstm_tagger(vocab_size, num_labels, l2=args.l2)
    model = CRFModel(base, units=num_labels)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=3e-4))
    model.fit(train_ds, validation_data=valid_ds, epochs=args.epochs,
              callbacks=[tf.keras.callbacks.ModelCheckpoint("models/ner-crf", save_weights_only=True)])
