# Idiom seen in: Changyu-Guo/Transformer-With-TensorFlow2 learn/tf_guide/Checkpoint.py
# Idiom seen in: Changyu-Guo/Transformer-With-TensorFlow2 layers/transformer_layers/encoder_stack.py
# What it reproduces: train_step(net, example, optimizer) with a GradientTape and a CheckpointManager; the
#   classifier's encoder is built with an l2 kernel_regularizer but the tape's loss is only the cross
#   entropy, model.losses never added (bug written by us in the repo's idiom).
import tensorflow as tf

from data_processors.cls_dataset import load_cls_dataset
from encoder_layer import EncoderStack


def build_classifier(vocab_size, num_classes, max_len=128):
    tokens = tf.keras.Input(shape=(max_len,), dtype=tf.int32)
    x = tf.keras.layers.Embedding(vocab_size, 256)(tokens)
    x = EncoderStack(num_layers=4, num_heads=8, hidden_size=256, inner_size=1024,
                     kernel_regularizer=tf.keras.regularizers.l2(1e-4))(x)  # expect: WD103
    x = tf.keras.layers.GlobalAveragePooling1D()(x)
    logits = tf.keras.layers.Dense(num_classes)(x)
    return tf.keras.Model(tokens, logits)


loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)


def train_step(net, example, optimizer):
    with tf.GradientTape() as tape:
        output = net(example['input_ids'], training=True)
        loss = loss_object(example['label'], output)
    variables = net.trainable_variables
    grads = tape.gradient(loss, variables)
    optimizer.apply_gradients(zip(grads, variables))
    return loss


def main():
    dataset = load_cls_dataset('train.tfrecord', batch_size=32)
    net = build_classifier(vocab_size=30522, num_classes=2)
    optimizer = tf.keras.optimizers.Adam(1e-4)
    ckpt = tf.train.Checkpoint(step=tf.Variable(1), optimizer=optimizer, net=net)
    manager = tf.train.CheckpointManager(ckpt, './tf_ckpts', max_to_keep=3)
    ckpt.restore(manager.latest_checkpoint)
    for example in dataset:
        loss = train_step(net, example, optimizer)
        ckpt.step.assign_add(1)
        if int(ckpt.step) % 100 == 0:
            manager.save()
            print("step {}: loss {:1.2f}".format(int(ckpt.step), loss.numpy()))


if __name__ == '__main__':
    main()
