# Idiom seen in: moyuhao-arch/lung_nodule_project model.py
# Idiom seen in: moyuhao-arch/lung_nodule_project global_config.py
# What it reproduces: a three-view 2D ResNet for LUNA16 nodule patches with kernel_regularizer=l2(1e-4) on its convs and
#   dense head; this training script (user variant) uses a GradientTape loop with a focal loss and never adds
#   model.losses, so every regularizer is dead (WD103 on each regularizer keyword).
import tensorflow as tf

from global_config import ALPHA, GAMMA, TRAIN_DATA_PATH, LOG_PATH
from data_processing import load_fold_dataset
from model import create_model


def focal_loss(y_true, y_pred, alpha=ALPHA, gamma=GAMMA):
    y_pred = tf.clip_by_value(y_pred, 1e-7, 1.0 - 1e-7)
    p_t = y_true * y_pred + (1 - y_true) * (1 - y_pred)
    alpha_t = y_true * alpha + (1 - y_true) * (1 - alpha)
    return tf.reduce_mean(-alpha_t * tf.pow(1.0 - p_t, gamma) * tf.math.log(p_t))


def train(epochs=60, batch_size=64, lr=1e-3):
    train_ds = load_fold_dataset(TRAIN_DATA_PATH, batch_size=batch_size, training=True)
    model = create_model('resnet', input_shape=(32, 32, 1), num_classes=1)
    optimizer = tf.keras.optimizers.SGD(learning_rate=lr, momentum=0.9)
    auc = tf.keras.metrics.AUC()
    writer = tf.summary.create_file_writer(LOG_PATH)

    @tf.function
    def train_step(views, labels):
        with tf.GradientTape() as tape:
            probs = model(views, training=True)
            loss = focal_loss(tf.cast(labels, tf.float32), probs)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        auc.update_state(labels, probs)
        return loss

    for epoch in range(epochs):
        auc.reset_states()
        for (yz, zx, xy), labels in train_ds:
            loss = train_step([yz, zx, xy], labels)
        with writer.as_default():
            tf.summary.scalar('loss', loss, step=epoch)
            tf.summary.scalar('auc', auc.result(), step=epoch)
        print('epoch {}: loss {:.4f} auc {:.4f}'.format(epoch, float(loss), float(auc.result())))
    model.save_weights('resnet2d_nodule.h5')


if __name__ == '__main__':
    train()
