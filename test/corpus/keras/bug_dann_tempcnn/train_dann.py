# Idiom seen in: JDESLOIRES/eo-flow eoflow/base/base_dann_v2.py (fit_dann_v2: source / target arrays zipped into one tf.data pipeline, lambda_ schedule, metrics printed per epoch)
# What it reproduces: the driver for tempcnn.py: a config dict, a supervised pre-training phase on the source domain
#   (train_step, correct) followed by domain-adversarial fine-tuning (trainstep_dann, bug in tempcnn.py).
import numpy as np
import tensorflow as tf

from data_io import load_source_target
from tempcnn import TempCNNDann

config = {
    'nb_conv_stacks': 3,
    'nb_conv_filters': 16,
    'kernel_size': 5,
    'kernel_initializer': 'he_normal',
    'kernel_regularizer': 1e-6,
    'keep_prob': 0.8,
    'nb_fc_neurons': 128,
    'activation': 'relu',
}


def get_lambda(factor, num_epochs, epoch):
    p = epoch / num_epochs
    return factor * (2. / (1. + np.exp(-10. * p)) - 1)


def main(num_epochs_pretrain=50, num_epochs_dann=100, batch_size=16):
    (x_s, y_s), (x_t, y_t) = load_source_target('data/2017', 'data/2019')
    model = TempCNNDann(config)
    model.build(x_s.shape)
    model.prepare(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-4), loss=tf.keras.losses.MeanSquaredError())
    model.init_discriminator(enc_dim=model.net.outputs[1].shape[-1])

    for epoch in range(num_epochs_pretrain):
        ds = tf.data.Dataset.from_tensor_slices((x_s.astype('float32'), y_s.astype('float32')))
        model.train_step(ds.shuffle(len(x_s)).batch(batch_size))
        print('pretrain epoch %d: loss %.4f' % (epoch, model.loss_metric.result().numpy()))
        model.loss_metric.reset_states()

    n = min(len(x_s), len(x_t))
    for epoch in range(num_epochs_dann):
        idx = np.random.permutation(n)
        ds = tf.data.Dataset.from_tensor_slices(
            (x_s[idx].astype('float32'), y_s[idx].astype('float32'), x_t[idx].astype('float32'))).batch(batch_size)
        model.trainstep_dann(ds, get_lambda(1.0, num_epochs_dann, epoch))
        print('dann epoch %d: task loss %.4f, enc loss %.4f, disc loss %.4f' % (
            epoch, model.task_metric.result().numpy(), model.loss_metric.result().numpy(),
            model.disc_metric.result().numpy()))
        model.task_metric.reset_states()
        model.loss_metric.reset_states()
        model.disc_metric.reset_states()
    model.save_weights('model/dann_last')


if __name__ == '__main__':
    main()
