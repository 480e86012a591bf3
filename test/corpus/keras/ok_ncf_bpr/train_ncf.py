# Idiom seen in: ZiyaoGeng/RecLearn example/m_ncf_demo.py
# What it reproduces: the demo driver: hyper-parameters as module constants plus a model_params dict, the model
# compiled with only an optimizer (the loss comes from add_loss) and fitted one epoch at a time with a
# periodic ranking evaluation; the embedding L2 reaches the loss through fit (clean).
import os
from time import time

from tensorflow.keras.optimizers import Adam

from ncf import NCF
from reclearn.data.datasets import movielens as ml  # data package, not in this folder
from reclearn.evaluator import eval_pos_neg

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"

neg_num = 4
embed_dim = 64
learning_rate = 0.001
epochs = 20
batch_size = 512
k = 10

model_params = {
    "hidden_units": [256, 128, 64],
    "activation": "relu",
    "dnn_dropout": 0.5,
    "loss_name": "bpr_loss",
    "gamma": 0.3,
    "embed_reg": 1e-6,
}


def main():
    file_path = "data/ml-1m/ratings.dat"
    train_path, val_path, test_path, meta_path = ml.split_movielens(file_path=file_path)
    with open(meta_path) as f:
        max_user_num, max_item_num = [int(x) for x in f.readline().strip("\n").split("\t")]

    fea_cols = {"user_num": max_user_num + 1, "item_num": max_item_num + 1, "embed_dim": embed_dim}

    train_data = ml.load_ml(train_path, neg_num, max_item_num)
    val_data = ml.load_ml(val_path, neg_num, max_item_num)
    test_data = ml.load_ml(test_path, 100, max_item_num)

    model = NCF(fea_cols, **model_params)
    model.compile(optimizer=Adam(learning_rate=learning_rate))

    for epoch in range(1, epochs + 1):
        t1 = time()
        model.fit(x=train_data, epochs=1, validation_data=val_data, batch_size=batch_size)
        if epoch % 2 == 0:
            t2 = time()
            scores = eval_pos_neg(model, test_data, ["hr", "mrr", "ndcg"], k, batch_size)
            print("Iteration %d Fit [%.1f s], Evaluate [%.1f s]: HR = %.4f, MRR = %.4f, NDCG = %.4f"
                  % (epoch, t2 - t1, time() - t2, scores["hr"], scores["mrr"], scores["ndcg"]))


main()
