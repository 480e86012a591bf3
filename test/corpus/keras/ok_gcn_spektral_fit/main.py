# Idiom seen in: HarlockOfficial/Deep-Learning-and-Computer-Vision training/graph_convolutional_network.py
# Idiom seen in: HarlockOfficial/Deep-Learning-and-Computer-Vision main.py
# What it reproduces: the entry point that preprocesses a protein-interface graph dataset (module not in the
# workspace), builds GraphConvolutionalNetwork and hands it to training_utility.train_network. Clean.
import sys

from graph_convolutional_network import GraphConvolutionalNetwork
import training_utility
from preprocessing import gnn_preprocessing


def train_graph_convolutional_network(n_output_labels, x_train, y_train=None):
    gcn = GraphConvolutionalNetwork(n_label=n_output_labels, activation='relu', output_activation='softmax',
                                    use_bias=True)
    return training_utility.train_network(gcn, 'graph_convolutional_network', x_train, y_train)


if __name__ == '__main__':
    dataset = gnn_preprocessing.load_dataset(sys.argv[1] if len(sys.argv) > 1 else 'data/graphs')
    train_graph_convolutional_network(dataset.n_labels, dataset)
