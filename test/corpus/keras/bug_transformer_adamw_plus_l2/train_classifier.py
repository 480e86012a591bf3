# Idiom seen in: Max1993Liu/tensorflow2-models NLP/Transformer/transformer_model.py
# What it reproduces: the repository's PrePostProcessingWrapper/EncoderStack layout (LayerNormalization + residual);
#   realistic mistake: the feed-forward Dense layers keep kernel_regularizer=l2 while training with keras AdamW(weight_decay):
#   the kernels are decayed twice, and AdamW (no exclude_from_weight_decay) also decays biases and LayerNorm gamma/beta.
import argparse
import tensorflow as tf

from transformer_model import EncoderClassifier
from text_data import load_imdb_ids

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=5)
parser.add_argument("--lr", type=float, default=3e-4)
parser.add_argument("--weight_decay", type=float, default=0.01)
args = parser.parse_args()

params = {"vocab_size": 20000, "hidden_size": 256, "num_heads": 4, "filter_size": 1024,
          "num_hidden_layers": 4, "relu_dropout": 0.1, "layer_postprocess_dropout": 0.1, "num_classes": 2}

(x_train, y_train), (x_val, y_val) = load_imdb_ids(maxlen=256, vocab_size=params["vocab_size"])
model = EncoderClassifier(params)
optimizer = tf.keras.optimizers.AdamW(learning_rate=args.lr,
                                      weight_decay=args.weight_decay)  # expect: WD203
model.compile(optimizer=optimizer,
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(x_train, y_train, validation_data=(x_val, y_val), batch_size=64, epochs=args.epochs)
