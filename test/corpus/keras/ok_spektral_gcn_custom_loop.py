# Idiom seen in: danielegrattarola/spektral examples/node_prediction/citation_gcn_custom.py
# Idiom seen in: danielegrattarola/spektral examples/node_prediction/citation_gcn.py
# What it reproduces: GCN on Cora trained with a tf.function custom step; the first GCNConv has
#   kernel_regularizer=l2(l2_reg) and the step adds sum(model.losses) to the masked cross entropy inside
#   the tape before tape.gradient (clean).
import tensorflow as tf
from tensorflow.keras.layers import Dropout, Input
from tensorflow.keras.losses import CategoricalCrossentropy
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.regularizers import l2

from spektral.datasets.citation import Cora
from spektral.layers import GCNConv
from spektral.transforms import AdjToSpTensor, LayerPreprocess
from spektral.utils import tic, toc

tf.random.set_seed(seed=0)

dataset = Cora(normalize_x=True, transforms=[LayerPreprocess(GCNConv), AdjToSpTensor()])
graph = dataset[0]
x, a, y = graph.x, graph.a, graph.y
mask_tr, mask_va, mask_te = dataset.mask_tr, dataset.mask_va, dataset.mask_te

channels = 16
dropout = 0.5
l2_reg = 2.5e-4
learning_rate = 1e-2

x_in = Input(shape=(dataset.n_node_features,))
a_in = Input(shape=(None,), sparse=True)
x_1 = Dropout(dropout)(x_in)
x_1 = GCNConv(channels, activation="relu", kernel_regularizer=l2(l2_reg), use_bias=False)([x_1, a_in])
x_2 = Dropout(dropout)(x_1)
x_2 = GCNConv(dataset.n_labels, activation="softmax", use_bias=False)([x_2, a_in])
model = Model(inputs=[x_in, a_in], outputs=x_2)

optimizer = Adam(learning_rate=learning_rate)
loss_fn = CategoricalCrossentropy()


@tf.function
def train():
    with tf.GradientTape() as tape:
        predictions = model([x, a], training=True)
        loss = loss_fn(y[mask_tr], predictions[mask_tr])
        loss += sum(model.losses)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


@tf.function
def test():
    predictions = model([x, a], training=False)
    correct = tf.equal(tf.argmax(predictions[mask_te], 1), tf.argmax(y[mask_te], 1))
    return tf.reduce_mean(tf.cast(correct, tf.float32))


train()
tic()
for epoch in range(1, 201):
    loss = train()
toc("Spektral - GCN (200 epochs)")
print(f"Final loss = {loss}, test acc = {test()}")
