# Idiom seen in: danielegrattarola/keras-gat examples/gat.py
# What it reproduces: the Cora example (Section 3.3 of the GAT paper): two GraphAttention layers with l2 on the
#   kernels and attention kernels, Adam(lr=0.005), compile + fit with full-batch sample weights and early stopping.
# label-note: clean. The l2 terms come from add_weight regularizers and are added by fit(); Adam has no
#   weight_decay (no WD202).
import numpy as np
from tensorflow.keras.callbacks import EarlyStopping
from tensorflow.keras.layers import Dropout, Input
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.regularizers import l2

from keras_gat.graph_attention_layer import GraphAttention
from keras_gat.utils import load_data  # Cora loader, not part of this workspace

A, X, Y_train, Y_val, Y_test, idx_train, idx_val, idx_test = load_data('cora')

N = X.shape[0]
F = X.shape[1]
F_ = 8
n_classes = Y_train.shape[1]
dropout_rate = 0.6
l2_reg = 5e-4  # Regularization rate for l2
learning_rate = 5e-3
epochs = 10000
es_patience = 100

X /= X.sum(1).reshape(-1, 1)
A = A + A.T.multiply(A.T > A) - A.multiply(A.T > A)
A = A.toarray() + np.eye(N)

X_in = Input(shape=(F,))
A_in = Input(shape=(N,))
h = Dropout(dropout_rate)(X_in)
h = GraphAttention(F_, attn_heads=8, attn_heads_reduction='concat', dropout_rate=dropout_rate, activation='elu',
                   kernel_regularizer=l2(l2_reg), attn_kernel_regularizer=l2(l2_reg))([h, A_in])
h = Dropout(dropout_rate)(h)
out = GraphAttention(n_classes, attn_heads=1, attn_heads_reduction='average', dropout_rate=dropout_rate,
                     activation='softmax', kernel_regularizer=l2(l2_reg),
                     attn_kernel_regularizer=l2(l2_reg))([h, A_in])

model = Model(inputs=[X_in, A_in], outputs=out)
model.compile(optimizer=Adam(learning_rate=learning_rate), loss='categorical_crossentropy',
              weighted_metrics=['acc'])
model.summary()

es_callback = EarlyStopping(monitor='val_weighted_acc', patience=es_patience)
model.fit([X, A], Y_train, sample_weight=idx_train, epochs=epochs, batch_size=N,
          validation_data=([X, A], Y_val, idx_val), shuffle=False, callbacks=[es_callback])

eval_results = model.evaluate([X, A], Y_test, sample_weight=idx_test, batch_size=N, verbose=0)
print('Test loss: {}\nTest accuracy: {}'.format(*eval_results))
