# Idiom seen in: huyng/tensorflow-vgg train_model_simple.py
# What it reproduces: a yaml-configured VGG trainer whose build_model() adds
#   config["weight_decay"] * sum(l2_loss(v) for v in the 'variables' collection) to the classification loss and
#   returns it as model["loss"], the tensor the Adam optimizer differentiates. Clean.
import argparse
import os.path as pth
import time

import tensorflow as tf
import yaml

import dataset
import layers as L
import tools
import vgg

config = {}


def build_model(input_data_tensor, input_label_tensor):
    num_classes = config["num_classes"]
    weight_decay = config["weight_decay"]
    images = tf.image.resize_images(input_data_tensor, [224, 224])
    logits = vgg.build(images, n_classes=num_classes, training=True)
    probs = tf.nn.softmax(logits)
    loss_classify = L.loss(logits, tf.one_hot(input_label_tensor, num_classes))
    loss_weight_decay = tf.reduce_sum(tf.stack([tf.nn.l2_loss(i) for i in tf.get_collection('variables')]))
    loss = loss_classify + weight_decay * loss_weight_decay
    error_top5 = L.topK_error(probs, input_label_tensor, K=5)
    error_top1 = L.topK_error(probs, input_label_tensor, K=1)
    return dict(loss=loss, probs=probs, logits=logits, error_top5=error_top5, error_top1=error_top1)


def train(trn_data_generator, vld_data=None):
    learning_rate = config['learning_rate']
    experiment_dir = config['experiment_dir']
    data_dims = config['data_dims']
    batch_size = config['batch_size']
    num_steps = config["num_samples_per_epoch"] // batch_size * config['num_epochs']
    log = tools.MetricsLogger(pth.join(experiment_dir, 'train.log'))

    G = tf.Graph()
    with G.as_default():
        input_data_tensor = tf.placeholder(tf.float32, [None] + data_dims)
        input_label_tensor = tf.placeholder(tf.int32, [None])
        model = build_model(input_data_tensor, input_label_tensor)
        optimizer = tf.train.AdamOptimizer(learning_rate)
        grads = optimizer.compute_gradients(model["loss"])
        grad_step = optimizer.apply_gradients(grads)
        init = tf.global_variables_initializer()

    sess = tf.Session(graph=G, config=tf.ConfigProto(allow_soft_placement=True))
    sess.run(init)
    with sess.as_default():
        for step in range(num_steps):
            data_batch, label_batch = next(trn_data_generator)
            inputs = {input_data_tensor: data_batch, input_label_tensor: label_batch}
            t0 = time.time()
            results = sess.run([grad_step, model["loss"], model["error_top1"], model["error_top5"]], inputs)
            log.report(step=step, split="TRN", loss=float(results[1]), error_top1=float(results[2]),
                       error_top5=float(results[3]), seconds=time.time() - t0)
            if step % config["checkpoint_iter"] == 0:
                tools.save_weights(G, pth.join(experiment_dir, 'checkpoints', 'weights.%s' % step))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('config', help='yaml file with the training configuration')
    args = parser.parse_args()
    with open(args.config) as f:
        config.update(yaml.safe_load(f))
    config.setdefault("weight_decay", 5e-4)
    trn_data_generator, vld_data = dataset.get_cifar10(config["batch_size"])
    train(trn_data_generator, vld_data)


if __name__ == '__main__':
    main()
