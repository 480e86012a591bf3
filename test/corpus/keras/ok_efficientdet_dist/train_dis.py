# Idiom seen in: cl886699/efficientdet train_dis.py
# Idiom seen in: cl886699/efficientdet nets/efficientdet.py
# What it reproduces: the repo's DistTrainer (strategy.run(self.train_step, ...)); the step computes focal +
#   smooth-L1 and adds tf.nn.scale_regularization_loss(tf.add_n(self.model.losses)) inside the tape, so the head
#   regularizers are trained. Clean.
import tensorflow as tf
from tqdm import tqdm

from efficientdet import Efficientdet
from nets.efficientdet_training import focal, smooth_l1
from getdata_tfrecord import ZipDataset


class DistTrainer:
    def __init__(self, dis_strategy, ori_model, focal_loss, smooth_l1_loss, optimizer_in, global_batch_size):
        self.dist_strategy = dis_strategy
        self.model = ori_model
        self.optimizer = optimizer_in
        self.focal = focal_loss
        self.smooth_l1 = smooth_l1_loss
        self.global_batch_size = global_batch_size

    def train_step(self, imgs, targets0, targets1):
        with tf.GradientTape() as tape:
            regression, classification = self.model(imgs, training=True)
            reg_value = self.smooth_l1(targets0, regression)
            cls_value = self.focal(targets1, classification)
            loss_value = (reg_value + cls_value) / self.global_batch_size
            loss_value += tf.nn.scale_regularization_loss(tf.add_n(self.model.losses))
        grads = tape.gradient(loss_value, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss_value, cls_value, reg_value

    @tf.function
    def dist_train_step(self, images, targets0, targets1):
        per_loss, per_cls, per_reg = self.dist_strategy.run(self.train_step, args=(images, targets0, targets1))
        loss_value = self.dist_strategy.reduce(tf.distribute.ReduceOp.SUM, per_loss, axis=None)
        cls_value = self.dist_strategy.reduce(tf.distribute.ReduceOp.SUM, per_cls, axis=None)
        reg_value = self.dist_strategy.reduce(tf.distribute.ReduceOp.SUM, per_reg, axis=None)
        return loss_value, cls_value, reg_value

    def fit_one_epoch(self, epoch, epoch_size, train_ds, n_epochs):
        total_loss = 0
        gen = self.dist_strategy.experimental_distribute_dataset(train_ds)
        with tqdm(total=epoch_size, desc=f'Epoch {epoch + 1}/{n_epochs}') as pbar:
            for iteration, batch in enumerate(gen):
                if iteration >= epoch_size:
                    break
                loss_value, cls_value, reg_value = self.dist_train_step(batch[0], batch[1], batch[2])
                total_loss += loss_value
                pbar.set_postfix(loss=float(total_loss) / (iteration + 1))
                pbar.update(1)
        self.model.save_weights('logs/Epoch%d-Total_Loss%.4f.h5' % (epoch + 1, total_loss / (epoch_size + 1)))


if __name__ == '__main__':
    phi, num_classes, batch_size, epochs = 0, 20, 8, 100
    strategy = tf.distribute.MirroredStrategy()
    global_batch_size = batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = Efficientdet(phi, num_classes=num_classes)
        optimizer = tf.keras.optimizers.Adam(learning_rate=1e-4)
    train_ds = ZipDataset('data/voc_train.tfrecord', phi=phi, num_classes=num_classes).batch(global_batch_size)
    trainer = DistTrainer(strategy, model, focal(), smooth_l1(), optimizer, global_batch_size)
    for epoch in range(epochs):
        trainer.fit_one_epoch(epoch, 2000 // global_batch_size, train_ds, epochs)
