# Idiom seen in: Sardhendu/self-driving-vehicle src/traffic_sign_classifier/train.py (grad() helper taking model_builder and loss_fn, step_fn run through a tf.distribute strategy, "TODO: Try weights decay for all the weights")
# What it reproduces: the TODO done wrong: grad() computes an L2 term on the kernels but differentiates only the data loss and adds the term to the value it returns for logging, so the decay never affects the weights (bug, WD104).
import time
from typing import Any, Callable, Dict

import tensorflow as tf

import ops  # not in this folder
from model import LeNet, dataset_pipeline
from params import params
from preprocess import preprocess  # not in this folder

strategy = tf.distribute.OneDeviceStrategy(device="/cpu:0")


def loss():
    def loss_(y_true, y_logits):
        loss_val = tf.nn.softmax_cross_entropy_with_logits(labels=y_true, logits=y_logits)
        return tf.reduce_mean(loss_val)
    return loss_


def grad(images, target_one_hot, model_builder: Callable, loss_fn: Callable, weight_decay: float):
    with tf.GradientTape() as tape:
        pred_logits = model_builder(images)
        loss_val = loss_fn(target_one_hot, pred_logits)
        train_vars = model_builder.trainable_variables
        l2_term = weight_decay * tf.add_n([tf.nn.l2_loss(v) for v in train_vars if "kernel" in v.name])  # expect: WD104
    gradients = tape.gradient(loss_val, train_vars)
    return loss_val + l2_term, zip(gradients, train_vars)


def train_eval(dataset_, model_builder, loss_fn, learning_rate_schedular,
               train_summary_writer: Any, params: Dict):
    optimizer_ = tf.keras.optimizers.Adam(learning_rate=learning_rate_schedular)

    def step_fn(feature, target):
        loss_val, grad_vars = grad(feature, target, model_builder, loss_fn,
                                   params["weight_decay"])
        optimizer_.apply_gradients(grad_vars)
        return loss_val

    global_step = 0
    dataset_iterator = iter(dataset_)
    train_loss = tf.keras.metrics.Sum("train_loss", dtype=tf.float32)
    start = time.time()
    while global_step < params["train_steps"] * params["epochs"]:
        feature, target = next(dataset_iterator)
        loss_vals = strategy.run(step_fn, args=(feature, target))
        train_loss.update_state([loss_vals])
        if (global_step + 1) % params["save_summary_steps"] == 0:
            avg = tf.divide(train_loss.result(), params["save_summary_steps"])
            train_summary_writer.scalar("loss", avg, global_step)
            train_summary_writer.scalar("steps_per_second",
                                        params["save_summary_steps"] / (time.time() - start),
                                        step=global_step)
            train_loss.reset_states()
            start = time.time()
        global_step += 1


if __name__ == "__main__":
    train_data = ops.read_pickle("./data/train.p")
    writer = ops.SummaryCallback(model_dir=params["model_dir"], mode="train")
    train_ds = dataset_pipeline(train_data["features"], train_data["labels"],
                                preprocess(mode="train"), params, mode="train")
    lr_fn = ops.poly_cosine_schedular(params, writer)
    train_eval(train_ds, LeNet(num_classes=params["num_classes"]), loss(), lr_fn,
               writer, params)
