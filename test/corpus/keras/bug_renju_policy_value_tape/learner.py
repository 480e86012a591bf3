# Idiom seen in: kongjiellx/AlphaZero-Renju cpp/py/py_model.py
# Idiom seen in: kongjiellx/AlphaZero-Renju py/src/train.py
# What it reproduces: the learner loop: samples self-play positions from a replay file, calls
#   model.train_step(x, p, v) and exports the saved model with its train_step/predict signatures.
import pickle
import random

import numpy as np
import tensorflow as tf

import conf
from py_model import Model


def load_games(path):
    with open(path, "rb") as f:
        return pickle.load(f)


def main():
    model = Model()
    replay = load_games("data/data.pkl")
    size = conf.game_conf.board_size
    for step in range(20000):
        batch = random.sample(replay, 256)
        x = np.array([b[0] for b in batch], dtype=np.float32).reshape(-1, size, size, 3)
        p = np.array([b[1] for b in batch], dtype=np.float32).reshape(-1, size * size)
        v = np.array([b[2] for b in batch], dtype=np.float32).reshape(-1, 1)
        loss = model.train_step(tf.constant(x), tf.constant(p), tf.constant(v))
        if step % 500 == 0:
            print("step %d loss %.4f" % (step, float(loss)))
    tf.saved_model.save(model, conf.model_conf.model_path, signatures={
        "train_step": model.train_step.get_concrete_function(
            tf.TensorSpec(shape=(None, size, size, 3), dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=(None, size * size), dtype=tf.float32, name="p"),
            tf.TensorSpec(shape=(None, 1), dtype=tf.float32, name="v")),
        "predict_func": model.predict_func.get_concrete_function(
            tf.TensorSpec(shape=(None, size, size, 3), dtype=tf.float32, name="x"))})


if __name__ == "__main__":
    main()
