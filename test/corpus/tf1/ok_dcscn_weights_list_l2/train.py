# Idiom seen in: jiny2001/dcscn-super-resolution DCSCN.py (train_batch feeds lr_input; update_epoch_and_lr multiplies
#   lr by lr_decay); the entry script around it is written here in that style
# What it reproduces: the entry script: flags from helper/args.py, the model class built and its graph and
#   optimizer constructed, batches from a loader module that is not part of this folder, and a learning-rate
#   schedule that multiplies lr by lr_decay when the validation PSNR stops improving.
import tensorflow as tf

import dcscn
from helper import args
from helper import loader

FLAGS = args.get()


def main(_):
    model = dcscn.SuperResolution(FLAGS, model_name="dcscn_L%d_F%d" % (FLAGS.layers, FLAGS.filters))
    model.build_graph()
    model.build_optimizer()
    batches = loader.BatchDataSets(FLAGS.scale, "data/" + FLAGS.dataset, FLAGS.batch_num)

    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    best_psnr, epochs_without_gain = 0.0, 0
    while model.lr > 1e-5:
        for x, x2, y in batches.epoch():
            sess.run(model.training_optimizer,
                     feed_dict={model.x: x, model.x2: x2, model.y: y,
                                model.lr_input: model.lr, model.is_training: True})
        psnr = loader.evaluate_psnr(sess, model, "data/set5")
        if psnr > best_psnr:
            best_psnr, epochs_without_gain = psnr, 0
        else:
            epochs_without_gain += 1
            if epochs_without_gain >= FLAGS.lr_decay_epoch:
                model.lr *= FLAGS.lr_decay
                epochs_without_gain = 0
        print("PSNR %.3f (best %.3f) lr %g" % (psnr, best_psnr, model.lr))


if __name__ == '__main__':
    tf.app.run()
