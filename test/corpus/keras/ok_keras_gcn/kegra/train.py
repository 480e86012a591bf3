# Idiom seen in: tkipf/keras-gcn kegra/train.py
# Idiom seen in: tkipf/keras-gcn kegra/layers/graph.py
# What it reproduces: the Cora GCN training script: GraphConvolution(16, ..., kernel_regularizer=l2(5e-4)),
#   Model.compile(Adam(lr=0.01)) and model.fit(..., epochs=1) inside a manual epoch loop with early stopping;
#   fit adds the layer's regularization loss. Clean.
from __future__ import print_function

import time

from keras.layers import Input, Dropout
from keras.models import Model
from keras.optimizers import Adam
from keras.regularizers import l2

from kegra.layers.graph import GraphConvolution
from kegra.utils import load_data, get_splits, preprocess_adj, evaluate_preds

DATASET = 'cora'
SYM_NORM = True
NB_EPOCH = 200
PATIENCE = 10

X, A, y = load_data(dataset=DATASET)
y_train, y_val, y_test, idx_train, idx_val, idx_test, train_mask = get_splits(y)
X /= X.sum(1).reshape(-1, 1)

A_ = preprocess_adj(A, SYM_NORM)
support = 1
graph = [X, A_]
G = [Input(shape=(None, None), batch_shape=(None, None), sparse=True)]

X_in = Input(shape=(X.shape[1],))
H = Dropout(0.5)(X_in)
H = GraphConvolution(16, support, activation='relu', kernel_regularizer=l2(5e-4))([H] + G)
H = Dropout(0.5)(H)
Y = GraphConvolution(y.shape[1], support, activation='softmax')([H] + G)

model = Model(inputs=[X_in] + G, outputs=Y)
model.compile(loss='categorical_crossentropy', optimizer=Adam(lr=0.01))

wait = 0
preds = None
best_val_loss = 99999
for epoch in range(1, NB_EPOCH + 1):
    t = time.time()
    model.fit(graph, y_train, sample_weight=train_mask, batch_size=A.shape[0], epochs=1, shuffle=False, verbose=0)
    preds = model.predict(graph, batch_size=A.shape[0])
    train_val_loss, train_val_acc = evaluate_preds(preds, [y_train, y_val], [idx_train, idx_val])
    print("Epoch: {:04d}".format(epoch), "train_loss= {:.4f}".format(train_val_loss[0]),
          "val_loss= {:.4f}".format(train_val_loss[1]), "val_acc= {:.4f}".format(train_val_acc[1]),
          "time= {:.4f}".format(time.time() - t))
    if train_val_loss[1] < best_val_loss:
        best_val_loss = train_val_loss[1]
        wait = 0
    else:
        if wait >= PATIENCE:
            print('Epoch {}: early stopping'.format(epoch))
            break
        wait += 1

test_loss, test_acc = evaluate_preds(preds, [y_test], [idx_test])
print("Test set results:", "loss= {:.4f}".format(test_loss[0]), "accuracy= {:.4f}".format(test_acc[0]))
