# Idiom seen in: sayakpaul/PAWS-TF paws_train.py
# What it reproduces: script-level loop building the WRN encoder, a LARS optimizer (no weight_decay_rate), and
#   applying the gradients returned by paws_trainer.train_step; the l2 regularizers contribute nothing (real bug).
import time

import tensorflow as tf

import config
import labeled_loader
import lars_optimizer
import lr_scheduler
import multicrop_loader
import paws_trainer
import wide_resnet

(x_train, y_train), (_, _) = tf.keras.datasets.cifar10.load_data()
STEPS_PER_EPOCH = int(len(x_train) // config.MULTICROP_BS)

multicrop_ds = multicrop_loader.get_multicrop_loader(tf.data.Dataset.from_tensor_slices(x_train))
multicrop_ds = multicrop_ds.shuffle(config.MULTICROP_BS * 10).batch(config.MULTICROP_BS)
support_ds = labeled_loader.get_support_ds(config.SUPPORT_BS)

wide_resnet_enc = wide_resnet.get_network()
scheduled_lrs = lr_scheduler.WarmUpCosine(learning_rate_base=config.WARMUP_LR,
                                          total_steps=config.PRETRAINING_EPOCHS * STEPS_PER_EPOCH,
                                          warmup_learning_rate=config.START_LR,
                                          warmup_steps=10 * STEPS_PER_EPOCH)
optimizer = lars_optimizer.LARS(learning_rate=scheduled_lrs, momentum=0.9,
                                exclude_from_weight_decay=["batch_normalization", "bias"],
                                exclude_from_layer_adaptation=["batch_normalization", "bias"])

iter_supervised = iter(support_ds)
for e in range(config.PRETRAINING_EPOCHS):
    start_time = time.time()
    epoch_ce_loss_avg = tf.keras.metrics.Mean()
    for i, unsup_imgs in enumerate(multicrop_ds):
        try:
            sdata = next(iter_supervised)
        except StopIteration:
            iter_supervised = iter(support_ds)
            sdata = next(iter_supervised)
        support_images = tf.concat([sdata[0][0], sdata[1][0]], axis=0)
        support_labels = labeled_loader.onehot_encode(tf.concat([sdata[0][1], sdata[1][1]], axis=0),
                                                      config.LABEL_SMOOTHING)
        batch_ce_loss, batch_me_loss, gradients = paws_trainer.train_step(
            unsup_imgs, (support_images, support_labels), wide_resnet_enc)
        optimizer.apply_gradients(zip(gradients, wide_resnet_enc.trainable_variables))
        epoch_ce_loss_avg.update_state(batch_ce_loss)
    print(f"Epoch: {e} CE Loss: {epoch_ce_loss_avg.result():.3f} "
          f"Time elapsed: {time.time() - start_time:.2f} secs")

wide_resnet_enc.save(config.PRETRAINED_MODEL)
