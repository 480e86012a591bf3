# Idiom seen in: shrugginG/URLNet_TF2 train_tf2.py
# Idiom seen in: shrugginG/URLNet_TF2 TextCNN_tf2.py
# What it reproduces: argparse flags read through vars() into FLAGS["train.l2_reg_lambda"], the
#   TextCNN built with that lambda, and a @tf.function train_step whose loss is
#   model.compute_loss(...), which includes the L2 term of the head. Clean.
import argparse

import tensorflow as tf

from TextCNN_tf2 import TextCNN
from utils_tf2 import read_data, char_id_x, batch_iter

parser = argparse.ArgumentParser(description="Train URLNet model")
parser.add_argument("--data.data_dir", type=str, default="train_10000.txt")
parser.add_argument("--data.max_len_chars", type=int, default=200)
parser.add_argument("--model.emb_dim", type=int, default=32)
parser.add_argument("--train.nb_epochs", type=int, default=5)
parser.add_argument("--train.batch_size", type=int, default=128)
parser.add_argument("--train.l2_reg_lambda", type=float, default=1e-3)
parser.add_argument("--train.lr", type=float, default=0.001)
FLAGS = vars(parser.parse_args())


@tf.function
def train_step(model, optimizer, x, y):
    with tf.GradientTape() as tape:
        scores, predictions = model(x, training=True)
        loss = model.compute_loss(scores, y)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss, model.compute_accuracy(predictions, y)


def run_training():
    urls, labels = read_data(FLAGS["data.data_dir"])
    x, chars_dict = char_id_x(urls, FLAGS["data.max_len_chars"])
    cnn = TextCNN(char_vocab_size=len(chars_dict) + 1, char_seq_len=FLAGS["data.max_len_chars"],
                  embedding_size=FLAGS["model.emb_dim"], l2_reg_lambda=FLAGS["train.l2_reg_lambda"])
    optimizer = tf.keras.optimizers.Adam(FLAGS["train.lr"])
    for step, (x_batch, y_batch) in enumerate(batch_iter(x, labels, FLAGS["train.batch_size"],
                                                          FLAGS["train.nb_epochs"])):
        loss, acc = train_step(cnn, optimizer, x_batch, y_batch)
        if step % 50 == 0:
            print(f"Step {step}, Loss: {loss:.4f}, Accuracy: {acc:.4f}")


if __name__ == "__main__":
    run_training()
