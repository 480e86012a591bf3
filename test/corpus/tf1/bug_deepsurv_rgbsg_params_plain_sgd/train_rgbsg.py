# Idiom seen in: liupei101/TFDeepSurv tfdeepsurv/dsl.py
# Idiom seen in: arturomoncadatorres/deepsurvk examples/02_treatment_recommendation.py
# What it reproduces: a TF1 DeepSurv (Breslow loss + apply_regularization(l1_l2_regularizer(L1, L2)))
#   trained with plain GradientDescentOptimizer; the user copied the RGBSG hyper-parameters of the
#   paper (lr 0.154, L2 6.551, tuned for Nesterov/Nadam): lr * L2 = 1.009 >= 1, decay flips the weights.
from datasets import load_rgbsg
from dsl import dsnn

# hyper-parameters reported for RGBSG in the DeepSurv paper (Table 1)
nn_config = {
    "learning_rate": 0.154,
    "learning_rate_decay": 1.0,
    "activation": "relu",
    "L1_reg": 0.0,
    "L2_reg": 6.551,  # expect: WD301
    "optimizer": "sgd",
    "dropout_keep_prob": 0.661,
    "seed": 1,
}
hidden_layers_nodes = [8, 1]

if __name__ == "__main__":
    train_X, train_y, test_X, test_y = load_rgbsg("data/gbsg_cancer_train_test.h5")
    model = dsnn(train_X.shape[1], hidden_layers_nodes, nn_config)
    model.build_graph()
    model.train(train_X, train_y, num_steps=1000, num_skip_steps=100)
